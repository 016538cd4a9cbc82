//! The latency picture: p50 and p99 against payload size, one colour per method, drawn as a
//! plain SVG (a few lines of markup do not justify a plotting crate).

use std::fmt::Write;

/// One method's measurements, a point per payload of the sweep (`None`: not measured there).
pub struct Series {
    pub name: String,
    pub colour: &'static str,
    /// (p50, p99) in µs.
    pub points: Vec<Option<(f64, f64)>>,
}

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 480.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 200.0;
const TOP: f64 = 56.0;
const BOTTOM: f64 = 60.0;

/// The SVG text: `title` ("; " breaks lines), payloads evenly spaced on x (labelled), latency
/// on a log₁₀ y axis; p50 solid with dots, p99 dashed.
pub fn svg(title: &str, payloads: &[usize], series: &[Series]) -> String {
    let values = series
        .iter()
        .flat_map(|s| s.points.iter().flatten())
        .flat_map(|&(a, b)| [a, b]);
    let (lo, hi) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (lo, hi) = if lo <= hi && lo > 0.0 {
        (
            lo.log10().floor(),
            hi.log10().ceil().max(lo.log10().floor() + 1.0),
        )
    } else {
        (0.0, 1.0)
    };
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |i: usize| LEFT + plot_w * (i as f64 + 0.5) / payloads.len().max(1) as f64;
    let y = |us: f64| TOP + plot_h * (1.0 - (us.log10() - lo) / (hi - lo));

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    // The title's "; "-separated parts, a line each.
    for (i, line) in title.split("; ").enumerate() {
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle" font-size="{}">{}</text>"#,
            WIDTH / 2.0,
            20 + 17 * i,
            if i == 0 { 14 } else { 12 },
            escape(line)
        );
    }
    // Decades and their 2× and 5× lines.
    for decade in lo as i32..=hi as i32 {
        for (m, major) in [(1.0, true), (2.0, false), (5.0, false)] {
            let v = m * 10f64.powi(decade);
            if v.log10() > hi + 1e-9 {
                continue;
            }
            let yy = y(v);
            let stroke = if major { "#bbb" } else { "#eee" };
            let _ = writeln!(
                s,
                r#"<line x1="{LEFT}" y1="{yy:.1}" x2="{:.1}" y2="{yy:.1}" stroke="{stroke}"/>"#,
                LEFT + plot_w
            );
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
                LEFT - 6.0,
                yy + 4.0,
                label_us(v)
            );
        }
    }
    for (i, &p) in payloads.iter().enumerate() {
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            x(i),
            TOP + plot_h + 18.0,
            label_bytes(p)
        );
    }
    let _ = writeln!(
        s,
        r#"<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="black"/>"#
    );
    let _ = writeln!(
        s,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">payload (request; empty reply)</text>"#,
        LEFT + plot_w / 2.0,
        HEIGHT - 18.0
    );
    let _ = writeln!(
        s,
        r#"<text transform="translate(18 {:.1}) rotate(-90)" text-anchor="middle">round trip (µs, log scale)</text>"#,
        TOP + plot_h / 2.0
    );
    for (k, se) in series.iter().enumerate() {
        for (q, dash) in [(0, ""), (1, r#" stroke-dasharray="6 4""#)] {
            let pts: Vec<String> = se
                .points
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.map(|p| (i, if q == 0 { p.0 } else { p.1 })))
                .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(v)))
                .collect();
            let _ = writeln!(
                s,
                r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"{dash}/>"#,
                pts.join(" "),
                se.colour
            );
            if q == 0 {
                for p in &pts {
                    let (cx, cy) = p.split_once(',').unwrap_or(("0", "0"));
                    let _ = writeln!(
                        s,
                        r#"<circle cx="{cx}" cy="{cy}" r="3" fill="{}"/>"#,
                        se.colour
                    );
                }
            }
        }
        let ly = TOP + 10.0 + 40.0 * k as f64;
        let lx = LEFT + plot_w + 14.0;
        for (row, dash, what) in [
            (0.0, "", "p50"),
            (16.0, r#" stroke-dasharray="6 4""#, "p99"),
        ] {
            let _ = writeln!(
                s,
                r#"<line x1="{lx}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="2"{dash}/>"#,
                ly + row,
                lx + 28.0,
                ly + row,
                se.colour
            );
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}">{} {what}</text>"#,
                lx + 34.0,
                ly + row + 4.0,
                escape(&se.name)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

pub fn label_bytes(n: usize) -> String {
    match n {
        0 => "0".into(),
        n if n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n % 1024 == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} B"),
    }
}

fn label_us(v: f64) -> String {
    if v >= 1000.0 {
        format!("{} ms", v / 1000.0)
    } else {
        format!("{v}")
    }
}

fn escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label_bytes(0), "0");
        assert_eq!(label_bytes(32), "32 B");
        assert_eq!(label_bytes(4096), "4 KiB");
        assert_eq!(label_bytes(900 * 1024), "900 KiB");
        assert_eq!(label_bytes(1 << 20), "1 MiB");
        assert_eq!(label_us(2000.0), "2 ms");
    }

    #[test]
    fn every_measured_point_is_drawn_inside_the_frame() {
        let series = [
            Series {
                name: "a".into(),
                colour: "red",
                points: vec![Some((10.0, 20.0)), None, Some((100.0, 900.0))],
            },
            Series {
                name: "b<c".into(),
                colour: "blue",
                points: vec![Some((3.0, 4.0)), Some((5.0, 6.0)), None],
            },
        ];
        let s = svg("t", &[0, 32, 4096], &series);
        assert!(s.starts_with("<svg") && s.trim_end().ends_with("</svg>"));
        assert!(s.contains("b&lt;c p99"));
        // Two polylines per series, one dot per measured p50.
        assert_eq!(s.matches("<polyline").count(), 4);
        assert_eq!(s.matches("<circle").count(), 4);
        for c in s.split("<circle").skip(1) {
            let cy: f64 = c
                .split("cy=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert!((TOP..=HEIGHT - BOTTOM).contains(&cy), "{cy}");
        }
    }
}
