//! Markdown: `# Title`, the dek in italics, a source line, `## n. Section` headings,
//! paragraphs, and quotes as block quotes followed by their attribution.
//!
//! Briefing text is escaped just enough that it cannot change the document's
//! structure: inline markup characters everywhere, block markers at a line's start.

use super::Selection;
use crate::model::Briefing;
use crate::views::lines;

pub fn render(b: &Briefing, sel: &Selection) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let m = &b.meta;
    blocks.push(format!("# {}", heading(&m.title)));
    if let Some(dek) = m.dek.as_deref().filter(|d| !d.is_empty()) {
        blocks.push(format!("*{}*", inline(dek)));
    }
    let mut by = Vec::new();
    match (&m.source, &m.url) {
        (Some(source), Some(url)) => by.push(format!("[{}](<{}>)", inline(source), link(url))),
        (Some(source), None) => by.push(inline(source)),
        (None, Some(url)) => by.push(format!("<{}>", link(url))),
        (None, None) => {}
    }
    by.extend(m.published.map(|d| d.to_string()));
    if !by.is_empty() {
        blocks.push(by.join(" · "));
    }
    if let Some(summary) = m.summary.as_deref().filter(|s| !s.is_empty()) {
        blocks.push(text(summary));
    }
    for s in sel.shown_sections() {
        let section = b.section(s);
        blocks.push(format!("## {}. {}", s.get() + 1, heading(&section.title)));
        blocks.extend(section.paragraphs.iter().map(|p| text(p)));
        for q in sel.quotes(b, s) {
            let words = text(&lines::quote_words(b, q));
            let quoted: Vec<String> = words
                .lines()
                .map(|l| {
                    if l.is_empty() {
                        ">".to_owned()
                    } else {
                        format!("> {l}")
                    }
                })
                .collect();
            blocks.push(format!(
                "{}\n>\n> {}",
                quoted.join("\n"),
                inline(&lines::attribution(b, q))
            ));
        }
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// Characters that start or end inline markup (emphasis, code, links, HTML) or escape.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Multi-line text: each line escaped inline, and a line that would start a block
/// (heading, list, fence, thematic break, setext underline, indented code) escaped at
/// its start. Blank lines separate paragraphs as they do in the model.
fn text(s: &str) -> String {
    s.split('\n')
        .map(|line| block_start(&inline(line.trim_start())))
        .collect::<Vec<_>>()
        .join("\n")
}

fn block_start(line: &str) -> String {
    let first = line.chars().next();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let ordered = digits > 0
        && digits <= 9
        && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
        && matches!(line.as_bytes().get(digits + 1), None | Some(b' '));
    if ordered {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else if matches!(first, Some('#' | '-' | '+' | '=' | '~')) {
        format!("\\{line}")
    } else {
        line.to_owned()
    }
}

/// A heading's text: inline escapes, plus every `#` so none closes the heading.
pub(super) fn heading(s: &str) -> String {
    inline(s).replace('#', "\\#")
}

/// A link destination between `<` and `>`.
fn link(url: &str) -> String {
    url.replace('\\', "\\\\")
        .replace('<', "\\<")
        .replace('>', "\\>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_markers_are_escaped_only_at_a_line_start() {
        assert_eq!(text("# not a heading"), "\\# not a heading");
        assert_eq!(text("- item\n+ item"), "\\- item\n\\+ item");
        assert_eq!(text("1. first"), "1\\. first");
        assert_eq!(text("2024) year"), "2024\\) year");
        assert_eq!(text("1.5 million"), "1.5 million");
        assert_eq!(text("a - b # c 1. d"), "a - b # c 1. d");
        assert_eq!(text("    code?"), "code?");
        assert_eq!(text("```\n~~~"), "\\`\\`\\`\n\\~~~");
        assert_eq!(text("> quoted"), "\\> quoted");
        assert_eq!(text("==="), "\\===");
    }

    #[test]
    fn inline_markup_is_escaped() {
        assert_eq!(
            inline("*a* _b_ `c` [d](e) <f> \\"),
            "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\\\"
        );
        assert_eq!(heading("Plan #2"), "Plan \\#2");
        assert_eq!(link("https://x/<a>"), "https://x/\\<a\\>");
    }
}
