//! Loading and saving the large session, each next to its bare serde_json
//! baseline: `from_slice` into the same types; `to_vec` plus the same write
//! and fsyncs.
//!
//!     cargo bench --bench storage

mod common;

use std::io::Write;

use criterion::{Criterion, criterion_group, criterion_main};
use kompas::domain::Session;
use kompas::generate::{Size, session};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.json");
    let s = session(Size::LARGE, 1);
    kompas::storage::save(&path, &s).unwrap();
    let bytes = std::fs::read(&path).unwrap();

    c.bench_function("load/kompas", |b| b.iter(|| kompas::storage::load(&path).unwrap()));
    c.bench_function("load/bare from_slice", |b| {
        b.iter(|| serde_json::from_slice::<Session>(&std::fs::read(&path).unwrap()).unwrap())
    });
    c.bench_function("save/kompas", |b| b.iter(|| kompas::storage::save(&path, &s).unwrap()));
    let (temp, bare) = (dir.path().join("bare.tmp"), dir.path().join("bare.json"));
    c.bench_function("save/bare to_vec + write + fsync + rename + folder fsync", |b| {
        b.iter(|| {
            let v = serde_json::to_vec(&s).unwrap();
            let mut f = std::fs::File::create(&temp).unwrap();
            f.write_all(&v).unwrap();
            f.sync_all().unwrap();
            std::fs::rename(&temp, &bare).unwrap();
            std::fs::File::open(dir.path()).unwrap().sync_all().unwrap();
        })
    });
    std::hint::black_box(bytes);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);
