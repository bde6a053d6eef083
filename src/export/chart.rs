//! A [`Chart`] as inline SVG for the HTML minutes: axes with their labels,
//! one line or set of marks per series, and a legend. Colours are told apart
//! by dash pattern and mark shape too, so a black-and-white print still
//! reads. Well-formed XML, no links, no scripts; every text escaped.

use std::fmt::Write;

use super::doc::{Chart, Series};
use super::html::escape;

const WIDTH: f32 = 640.0;
const STEP: f32 = 28.0;
const TOP: f32 = 30.0;
const RIGHT: f32 = 16.0;
const LEGEND_ROW: f32 = 16.0;
/// Okabe–Ito colours, distinct for most colour-blind readers.
const COLOURS: [&str; 7] = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];
const DASHES: [&str; 5] = ["", "6 3", "2 3", "8 3 2 3", "4 2"];

fn n(v: f32) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), String::from)
}

fn mark(out: &mut String, shape: usize, x: f32, y: f32, colour: &str) {
    let _ = match shape % 4 {
        0 => write!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{colour}\"/>", n(x), n(y)),
        1 => write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" fill=\"{colour}\"/>",
            n(x - 3.5),
            n(y - 3.5)
        ),
        2 => write!(
            out,
            "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"{colour}\"/>",
            n(x),
            n(y - 4.5),
            n(x + 4.5),
            n(y),
            n(x),
            n(y + 4.5),
            n(x - 4.5),
            n(y)
        ),
        _ => write!(
            out,
            "<polygon points=\"{},{} {},{} {},{}\" fill=\"{colour}\"/>",
            n(x),
            n(y - 4.5),
            n(x + 4.5),
            n(y + 4.0),
            n(x - 4.5),
            n(y + 4.0)
        ),
    };
}

fn line_attrs(k: usize) -> String {
    let dash = DASHES[k % DASHES.len()];
    let dash = if dash.is_empty() { String::new() } else { format!(" stroke-dasharray=\"{dash}\"") };
    format!("stroke=\"{}\" stroke-width=\"2\"{dash}", COLOURS[k % COLOURS.len()])
}

/// The type size the minutes' style sheet gives chart text (`svg.chart text`).
const MINUTES_FONT: f32 = 11.0;

/// Write the chart as an `<svg>` element, laid out for text of the
/// minutes' size.
pub(super) fn svg(out: &mut String, c: &Chart) {
    svg_sized(out, c, MINUTES_FONT);
}

/// Write the chart laid out for chart text of `font` user units (the page's
/// style sheet must give `svg.chart text` that size): rows, margins and the
/// legend grow with it, the width stays. The room display uses larger type
/// than the minutes.
pub(super) fn svg_sized(out: &mut String, c: &Chart, font: f32) {
    let zoom = font / MINUTES_FONT;
    let (step, top, legend_row) = (STEP * zoom, TOP * zoom, LEGEND_ROW * zoom);
    let longest = c.y.iter().map(|l| l.chars().count()).max().unwrap_or(1) as f32;
    let left = (10.0 + 6.2 * zoom * longest).clamp(36.0, 230.0 * zoom);
    let rows = c.y.len().max(2) as f32 - 1.0;
    let plot_h = step * rows;
    let bottom = top + plot_h;
    let height = bottom + 30.0 * zoom + legend_row * c.series.len() as f32 + 6.0;
    let plot_w = WIDTH - left - RIGHT;
    let meetings = c.x.len().max(1) as f32;
    let px = |x: f32| left + plot_w * (x + 0.5) / meetings;
    let py = |y: f32| bottom - step * y;

    let _ = write!(
        out,
        "<svg class=\"chart {class}\" id=\"chart-{class}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         role=\"img\" aria-labelledby=\"chart-{class}-title\">\n<title id=\"chart-{class}-title\">{title}</title>\n",
        class = c.class,
        w = n(WIDTH),
        h = n(height),
        title = escape(&c.title)
    );
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-weight=\"600\">{}</text>",
        n(left),
        n(14.0 * zoom),
        escape(&c.title)
    );
    for (j, label) in c.y.iter().enumerate() {
        let y = py(j as f32);
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            n(left),
            n(WIDTH - RIGHT),
            n(left - 6.0),
            n(y + 4.0 * zoom),
            escape(label),
            y = n(y)
        );
    }
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{l}\" y1=\"{t}\" x2=\"{l}\" y2=\"{b}\"/>",
        l = n(left),
        t = n(top - 6.0),
        b = n(bottom)
    );
    for (i, label) in c.x.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            n(px(i as f32)),
            n(bottom + 16.0 * zoom),
            escape(label)
        );
    }
    for (k, s) in c.series.iter().enumerate() {
        series(out, k, s, &px, &py);
    }
    for (k, s) in c.series.iter().enumerate() {
        let y = bottom + 34.0 * zoom + legend_row * k as f32;
        let x = left;
        if s.line {
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" {}/>",
                n(x),
                n(x + 24.0 * zoom),
                line_attrs(k),
                y = n(y - 4.0 * zoom)
            );
        }
        mark(out, k, x + 12.0 * zoom, y - 4.0 * zoom, COLOURS[k % COLOURS.len()]);
        let _ = writeln!(out, "<text x=\"{}\" y=\"{}\">{}</text>", n(x + 32.0 * zoom), n(y), escape(&s.name));
    }
    out.push_str("</svg>\n");
}

/// One series of [`line_chart_svg`]: its name, its (x, y) points, and
/// whether they are joined by a line.
pub type SeriesOf = (String, Vec<(f32, f32)>, bool);

/// A line chart as inline SVG for a page other than the minutes (the room
/// display): the same drawing as the minutes' charts, with text of `font`
/// user units. `series` are (name, points, joined by a line).
pub fn line_chart_svg(
    class: &'static str,
    title: &str,
    x: Vec<String>,
    y: Vec<String>,
    series: Vec<SeriesOf>,
    font: f32,
) -> String {
    let chart = Chart {
        class,
        title: title.to_string(),
        x,
        y,
        series: series.into_iter().map(|(name, points, line)| Series { name, points, line }).collect(),
        table: super::doc::Table { class, head: Vec::new(), row_heads: false, rows: Vec::new() },
    };
    let mut out = String::new();
    svg_sized(&mut out, &chart, font);
    out
}

fn series(out: &mut String, k: usize, s: &Series, px: &dyn Fn(f32) -> f32, py: &dyn Fn(f32) -> f32) {
    let colour = COLOURS[k % COLOURS.len()];
    let _ = write!(out, "<g class=\"series\">");
    if s.line && s.points.len() > 1 {
        let points: Vec<String> =
            s.points.iter().map(|(x, y)| format!("{},{}", n(px(*x)), n(py(*y)))).collect();
        let _ = write!(out, "<polyline fill=\"none\" {} points=\"{}\"/>", line_attrs(k), points.join(" "));
    }
    for (x, y) in &s.points {
        mark(out, k, px(*x), py(*y), colour);
    }
    out.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::doc::Table;

    #[test]
    fn a_chart_is_well_formed_svg_with_escaped_text() {
        let c = Chart {
            class: "test",
            title: "A & <B>".into(),
            x: vec!["12 mrt".into(), "9 apr".into()],
            y: vec!["1".into(), "2".into(), "3".into()],
            series: vec![
                Series { name: "één".into(), points: vec![(0.0, 0.0), (1.0, 2.0)], line: true },
                Series { name: "twee".into(), points: vec![(1.0, 1.0)], line: false },
            ],
            table: Table { class: "t", head: vec![], row_heads: false, rows: vec![] },
        };
        let mut out = String::new();
        svg(&mut out, &c);
        let doc = roxmltree::Document::parse(&out).expect("well-formed");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert!(out.contains("A &amp; &lt;B&gt;"));
        let polylines = root.descendants().filter(|n| n.has_tag_name("polyline")).count();
        assert_eq!(polylines, 1, "a series of one point has no line");
        assert!(!out.contains("http"));
    }
}
