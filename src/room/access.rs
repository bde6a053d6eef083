//! Who may see the room display. On loopback only this computer can
//! connect; the `Host` header must then name loopback too, so a web page
//! elsewhere cannot read the display through a rebound domain name. On any
//! other address every request needs the random code of this run, which
//! the URL (and its QR code) carries; it is compared in constant time.

use std::net::{IpAddr, SocketAddr};

/// Bytes of randomness in a code: 128 bits.
const TOKEN_BYTES: usize = 16;

/// The code of one run: 32 lowercase hex digits from the operating
/// system's random source.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    pub fn random() -> std::io::Result<Token> {
        let mut bytes = [0u8; TOKEN_BYTES];
        getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(Token(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    #[cfg(test)]
    pub fn fixed(s: &str) -> Token {
        Token(s.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Does `given` equal the code? The time taken does not depend on
    /// where the two differ; only a difference in length returns early,
    /// and that tells nothing (every code has the same, public length).
    pub fn matches(&self, given: &str) -> bool {
        constant_time_eq(self.0.as_bytes(), given.as_bytes())
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// Is this address loopback (also `::ffff:127.0.0.1`)?
pub fn is_loopback(ip: IpAddr) -> bool {
    ip.to_canonical().is_loopback()
}

/// Does the `Host` header name a loopback address (with or without port)?
pub fn host_is_loopback(host: &str) -> bool {
    let host = host.trim();
    let name = if let Some(rest) = host.strip_prefix('[') {
        match rest.split_once(']') {
            Some((inner, port)) if port.is_empty() || port.starts_with(':') => inner,
            _ => return false,
        }
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<IpAddr>().is_ok_and(is_loopback)
}

/// The decision for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    Forbidden,
}

/// The rule: a server bound to loopback serves loopback peers that name
/// loopback in `Host`; otherwise the code is required.
pub fn check(
    bound: SocketAddr,
    peer: IpAddr,
    host: Option<&str>,
    given: Option<&str>,
    token: &Token,
) -> Verdict {
    let local = is_loopback(bound.ip()) && is_loopback(peer) && host.is_some_and(host_is_loopback);
    if local || given.is_some_and(|g| token.matches(g)) { Verdict::Allowed } else { Verdict::Forbidden }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(s: &str) -> SocketAddr {
        s.parse().unwrap()
    }

    #[test]
    fn codes_are_random_and_long() {
        let a = Token::random().unwrap();
        let b = Token::random().unwrap();
        assert_eq!(a.as_str().len(), 32);
        assert!(a.as_str().bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_ne!(a.as_str(), b.as_str());
        assert_eq!(format!("{a:?}"), "Token(…)", "never printed by accident");
    }

    #[test]
    fn only_the_exact_code_matches() {
        let t = Token::fixed("0123456789abcdef0123456789abcdef");
        assert!(t.matches("0123456789abcdef0123456789abcdef"));
        for wrong in [
            "",
            "0",
            "0123456789abcdef0123456789abcdee",
            "1123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef0",
            "0123456789ABCDEF0123456789ABCDEF",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        ] {
            assert!(!t.matches(wrong), "{wrong}");
        }
        assert!(!Token::fixed("").matches("x"));
        assert!(Token::fixed("").matches(""));
    }

    #[test]
    fn loopback_names() {
        for h in
            ["127.0.0.1", "127.0.0.1:8080", "localhost", "LOCALHOST:1", "[::1]", "[::1]:80", "127.3.2.1:9"]
        {
            assert!(host_is_loopback(h), "{h}");
        }
        for h in [
            "",
            "example.org",
            "evil.example:8080",
            "192.168.1.5:80",
            "[::1",
            "[::1]x",
            "10.0.0.1",
            "localhost.evil",
        ] {
            assert!(!host_is_loopback(h), "{h}");
        }
        assert!(is_loopback("::ffff:127.0.0.1".parse().unwrap()));
    }

    #[test]
    fn the_code_is_needed_off_loopback() {
        let t = Token::fixed("abc");
        let lo: IpAddr = "127.0.0.1".parse().unwrap();
        let lan: IpAddr = "192.168.1.20".parse().unwrap();
        let host = Some("127.0.0.1:8080");
        // Bound to loopback: this computer only, no code needed.
        assert_eq!(check(addr("127.0.0.1:8080"), lo, host, None, &t), Verdict::Allowed);
        // ... but a rebound name in Host is refused.
        assert_eq!(
            check(addr("127.0.0.1:8080"), lo, Some("evil.example:8080"), None, &t),
            Verdict::Forbidden
        );
        assert_eq!(check(addr("127.0.0.1:8080"), lo, None, None, &t), Verdict::Forbidden);
        // Bound anywhere else: the code, whoever asks.
        for peer in [lo, lan] {
            assert_eq!(check(addr("0.0.0.0:8080"), peer, host, None, &t), Verdict::Forbidden);
            assert_eq!(check(addr("0.0.0.0:8080"), peer, host, Some("abd"), &t), Verdict::Forbidden);
            assert_eq!(check(addr("0.0.0.0:8080"), peer, host, Some("abc"), &t), Verdict::Allowed);
            assert_eq!(check(addr("192.168.1.2:8080"), peer, None, Some("abc"), &t), Verdict::Allowed);
        }
        // A peer off loopback never passes on the loopback rule.
        assert_eq!(check(addr("127.0.0.1:8080"), lan, host, None, &t), Verdict::Forbidden);
    }
}
