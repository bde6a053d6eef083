//! Opening the library over a folder of 1,000 sessions: the time until the
//! list can be drawn (every file name known), and until every file is read.
//!
//!     cargo bench --bench library

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

/// A folder of `n` sessions of a realistic meeting size.
pub fn folder(dir: &Path, n: usize) {
    use kompas::generate::{Size, session};
    let size = Size { parties: 4, interests: 20, agreements: 15, reflections: 20 };
    for i in 0..n {
        let s = session(size, i as u64);
        kompas::storage::save(&dir.join(format!("2026-03-{:02}-sessie-{i:04}.json", 1 + i % 28)), &s)
            .unwrap();
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path(), 1000);
    let today = common::now().date_naive();
    c.bench_function("library/1000 sessions/first frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                // The first report holds every file name: the list can be drawn.
                kompas::runtime::scan_library(dir.path(), today, |_, _| false);
                total += start.elapsed();
            }
            total
        })
    });
    c.bench_function("library/1000 sessions/all read", |b| {
        b.iter(|| {
            kompas::runtime::scan_library(dir.path(), today, |e, _| {
                std::hint::black_box(e).len() < usize::MAX
            })
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(10));
    targets = bench
}
criterion_main!(benches);
