//! The bar charts of 提案统计, drawn as inline SVG by the template: each
//! bar a light full length with a dark part over it, and a `<title>`.

/// The drawing area of every chart, in SVG user units.
const LABEL_WIDTH: u64 = 112;
const BAR_SPACE: u64 = 140;
const CHART_WIDTH: u64 = 320;
const ROW_HEIGHT: u64 = 32;
/// Longer names are cut short in the chart (the table has them whole).
const LABEL_CHARS: usize = 7;
/// How many rows a chart draws; the table beside it holds them all.
const MAX_BARS: usize = 20;

/// One bar: `full` wide in a light tone, `part` of it in a dark tone.
pub struct Bar {
    pub label: String,
    pub y: u64,
    pub full: u64,
    pub part: u64,
    /// What the bar says in words, for the tooltip and screen readers.
    pub title: String,
    pub value: String,
}

impl Bar {
    pub fn text_y(&self) -> u64 {
        self.y + 17
    }
    pub fn value_x(&self) -> u64 {
        LABEL_WIDTH + 8 + self.full + 6
    }
}

pub struct Chart {
    pub height: u64,
    pub bars: Vec<Bar>,
    /// The legend: what the light and the dark tone count.
    pub light: &'static str,
    pub dark: &'static str,
}

impl Chart {
    /// `values` holds (label, full, part, title) per bar; bars scale to the
    /// largest `full`.
    pub fn new(
        light: &'static str,
        dark: &'static str,
        values: Vec<(String, u64, u64, String)>,
    ) -> Chart {
        let values: Vec<_> = values.into_iter().take(MAX_BARS).collect();
        let max = values.iter().map(|v| v.1).max().unwrap_or(0).max(1);
        let bars = values
            .into_iter()
            .zip(0u64..)
            .map(|((label, full, part, title), i)| Bar {
                value: if light == dark {
                    full.to_string()
                } else {
                    format!("{part}/{full}")
                },
                label: short(&label),
                y: i * ROW_HEIGHT + 6,
                full: full * BAR_SPACE / max,
                part: part.min(full) * BAR_SPACE / max,
                title,
            })
            .collect::<Vec<_>>();
        Chart {
            height: bars.len() as u64 * ROW_HEIGHT + 12,
            bars,
            light,
            dark,
        }
    }

    pub fn width(&self) -> u64 {
        CHART_WIDTH
    }

    pub fn bar_x(&self) -> u64 {
        LABEL_WIDTH + 8
    }

    pub fn label_x(&self) -> u64 {
        LABEL_WIDTH
    }
}

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let mut cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        cut.push('…');
        cut
    }
}
