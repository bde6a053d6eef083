//! One keystroke's update + render into a TestBackend, at 80x24 and 200x50,
//! on the large session and on the one ten times larger.
//!
//!     cargo bench --bench keystroke

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use kompas::generate::{Size, session};

fn bench(c: &mut Criterion) {
    let sessions = [("large", session(Size::LARGE, 1)), ("huge", session(Size::HUGE, 1))];
    for (name, s) in &sessions {
        for (w, h) in [(80u16, 24u16), (200, 50)] {
            for (what, setup, pair) in common::scenarios() {
                let mut state = common::app(s.clone(), w, h);
                let mut terminal = common::terminal(w, h);
                for a in setup {
                    common::keystroke(&mut state, &mut terminal, a);
                }
                let mut flip = 0;
                c.bench_function(&format!("keystroke/{what}/{name}/{w}x{h}"), |b| {
                    b.iter(|| {
                        common::keystroke(&mut state, &mut terminal, pair[flip].clone());
                        flip ^= 1;
                    })
                });
            }
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
