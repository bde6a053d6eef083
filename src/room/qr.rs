//! The room display's address as a QR code, for phones to scan off the
//! facilitator's terminal. Encoded by the `qrcode` crate; drawn by the
//! terminal two modules per character cell (upper and lower half).

use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code. The standard asks for four; two read
/// well on a phone and keep the code inside an 80x24 terminal.
pub const QUIET: usize = 2;

/// A QR code with its quiet zone: `size` x `size` modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    size: usize,
    dark: Vec<bool>,
}

impl Qr {
    /// The code for `text` (low error correction: the smallest code, and a
    /// screen is not a crumpled sticker); `None` if it is too long to encode.
    pub fn new(text: &str) -> Option<Qr> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
        let inner = code.width();
        let size = inner + 2 * QUIET;
        let mut dark = vec![false; size * size];
        for (i, c) in code.to_colors().into_iter().enumerate() {
            let (x, y) = (i % inner + QUIET, i / inner + QUIET);
            dark[y * size + x] = c == Color::Dark;
        }
        Some(Qr { size, dark })
    }

    /// Modules per side, quiet zone included.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Is the module at column `x`, row `y` dark? Outside the code: light.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// Terminal rows needed: two modules per row.
    pub fn rows(&self) -> usize {
        self.size.div_ceil(2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 7x7 finder pattern: dark ring, light ring, dark 3x3 centre.
    fn finder_at(q: &Qr, x0: usize, y0: usize) -> bool {
        (0..7).all(|y| {
            (0..7).all(|x| {
                let ring = x == 0 || y == 0 || x == 6 || y == 6;
                let centre = (2..=4).contains(&x) && (2..=4).contains(&y);
                q.dark(x0 + x, y0 + y) == (ring || centre)
            })
        })
    }

    #[test]
    fn a_room_address_with_its_code_fits_an_80x24_terminal() {
        let url = "http://192.168.100.200:65535/?k=0123456789abcdef0123456789abcdef";
        let q = Qr::new(url).unwrap();
        assert!(q.rows() <= 21 && q.size() <= 41, "{} modules, {} rows", q.size(), q.rows());
        let inner = q.size() - 2 * QUIET;
        assert!(finder_at(&q, QUIET, QUIET));
        assert!(finder_at(&q, QUIET + inner - 7, QUIET));
        assert!(finder_at(&q, QUIET, QUIET + inner - 7));
        // The quiet zone is light all round.
        for i in 0..q.size() {
            for j in 0..QUIET {
                assert!(!q.dark(i, j) && !q.dark(j, i));
                assert!(!q.dark(i, q.size() - 1 - j) && !q.dark(q.size() - 1 - j, i));
            }
        }
        assert!(!q.dark(q.size(), 0), "outside is light");
    }

    #[test]
    fn different_addresses_give_different_codes() {
        let a = Qr::new("http://127.0.0.1:4000/").unwrap();
        let b = Qr::new("http://127.0.0.1:4001/").unwrap();
        assert_ne!(a, b);
        assert!(Qr::new(&"x".repeat(5000)).is_none(), "too long for any QR code");
    }
}
