//! Write the large (about 5 MB) and the huge (ten times the items) generated
//! sessions used by the performance budgets.
//!
//!     cargo run --release --example generate_session -- target/perf
//!
//! writes `target/perf/large.json` and `target/perf/huge.json`.

use std::path::PathBuf;

use kompas::generate::{Size, session};

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/perf".into()));
    std::fs::create_dir_all(&dir).expect("create the output folder");
    for (name, size) in [("large", Size::LARGE), ("huge", Size::HUGE)] {
        let s = session(size, 1);
        let path = dir.join(format!("{name}.json"));
        kompas::storage::save(&path, &s).expect("save the generated session");
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!("{} {:.1} MB", path.display(), bytes as f64 / 1e6);
    }
}
