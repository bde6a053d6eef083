//! Build facts for `kompas --version`: the commit (`git rev-parse`) and the
//! target. Without git, or outside a git checkout (a source archive), the
//! hash is taken from `KOMPAS_GIT_HASH` when set, else it reads `unknown`:
//! the build never fails for want of git.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=KOMPAS_GIT_HASH");
    let given = std::env::var("KOMPAS_GIT_HASH").ok().filter(|h| !h.trim().is_empty());
    let hash = given.or_else(|| {
        let hash = git(&["rev-parse", "--short=10", "HEAD"])?;
        // Build again when HEAD moves: HEAD itself, the branch it points to,
        // and packed refs (a worktree has its own HEAD and shares the rest).
        let mut watch = vec![git(&["rev-parse", "--git-path", "HEAD"])];
        if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
            watch.push(git(&["rev-parse", "--git-path", &branch]));
        }
        watch.push(git(&["rev-parse", "--git-path", "packed-refs"]));
        // Only files that exist: a missing one would make cargo run this
        // script, and build kompas again, every time.
        for path in watch.into_iter().flatten().filter(|p| std::path::Path::new(p).exists()) {
            println!("cargo:rerun-if-changed={path}");
        }
        Some(hash)
    });
    println!("cargo:rustc-env=KOMPAS_GIT_HASH={}", hash.as_deref().unwrap_or("unknown"));
    println!("cargo:rustc-env=KOMPAS_TARGET={}", std::env::var("TARGET").unwrap_or_default());
}
