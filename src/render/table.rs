//! Tables for the terminal (comfy-table), sized to the output width and free of escape bytes.

use comfy_table::{ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle};

use super::sanitize::escape_controls;

/// A quiet table: a line under the header, no other borders.
const QUIET: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction(' '));

/// A table with a header row, laid out to fit `width` columns.
pub fn table(header: &[&str], rows: Vec<Vec<String>>, width: usize) -> Table {
    styled(header, rows, width, QUIET)
}

fn styled(header: &[&str], rows: Vec<Vec<String>>, width: usize, style: TableStyle) -> Table {
    let first = rows
        .iter()
        .filter_map(|row| row.first())
        .map(|cell| textwrap::core::display_width(&escape_controls(cell)) + 2)
        .max()
        .unwrap_or(0);
    let mut table = Table::new();
    table
        .load_style(style)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .set_header(header.to_vec());
    for row in rows {
        table.add_row(
            // A cell's own line breaks stay line breaks; anything else is shown escaped.
            row.iter()
                .map(|cell| {
                    cell.split('\n')
                        .map(escape_controls)
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect::<Vec<_>>(),
        );
    }
    // Keep the first column (ids, commands) whole when there is room for the rest.
    if width >= first + 30
        && let Some(column) = table.column_mut(0)
    {
        column.set_constraint(ColumnConstraint::ContentWidth);
    }
    table
}

/// Writes a table from [`table`] line by line, without trailing spaces. When `look` is plain
/// (the accessible mode), as [`records`] instead.
pub fn write<W: std::io::Write>(
    out: &mut W,
    header: &[&str],
    rows: Vec<Vec<String>>,
    look: super::Look,
) -> std::io::Result<()> {
    if look.plain {
        return records(out, header, &rows, look.width);
    }
    for line in styled(header, rows, look.width, QUIET).lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// A table for the accessible mode: each row a short block, each cell on its own lines after
/// its column's name ("Title: Where numbness comes from"), wrapped at spaces to `width`, rows
/// apart by a blank line. Columns side by side are read across by a screen reader, one cell
/// of each mixed into the next, and a narrow column cut ids mid-word (`paced-breath` / `ing`).
fn records<W: std::io::Write>(
    out: &mut W,
    header: &[&str],
    rows: &[Vec<String>],
    width: usize,
) -> std::io::Result<()> {
    use super::wrap::{Span, wrap};
    for (n, row) in rows.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        for (column, cell) in row.iter().enumerate() {
            // The first cell heads the block; the others sit under it.
            let indent = if column == 0 { "" } else { "  " };
            let name = header.get(column).copied().unwrap_or("").trim();
            for (i, part) in cell.split('\n').map(str::trim).enumerate() {
                if part.is_empty() {
                    continue;
                }
                let text = match (i, name.is_empty()) {
                    (0, false) => format!("{name}: {}", escape_controls(part)),
                    _ => escape_controls(part),
                };
                let spans = [Span::new(text.as_str(), anstyle::Style::new())];
                // A cell's later lines, and every wrapped line, sit under its first.
                let rest = format!("{indent}  ");
                let first = if i == 0 { indent } else { rest.as_str() };
                for line in wrap(&spans, width, first, &rest, false) {
                    writeln!(out, "{}", line.trim_end())?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use textwrap::core::display_width;

    #[test]
    fn fits_the_width_and_escapes_cells() {
        let rows = vec![vec![
            "origins".to_string(),
            "Where it comes \x1b[31m from, in many words that need wrapping".to_string(),
        ]];
        let text = table(&["id", "title"], rows, 30).to_string();
        assert!(text.lines().all(|l| display_width(l) <= 30), "{text}");
        assert!(!text.contains('\x1b'));
        assert!(text.contains("\\x1b"));
    }

    /// The accessible mode's table: each row a block, each cell named, ids whole, nothing
    /// wider than the width.
    #[test]
    fn a_plain_table_is_a_block_a_row_with_every_cell_named() {
        let rows = vec![
            vec![
                "self-compassion-pause".to_string(),
                "A self-compassion pause".to_string(),
                "about 3 min".to_string(),
            ],
            vec![
                "paced-breathing".to_string(),
                "Slow, steady breathing, with many words that need wrapping at forty".to_string(),
                "first line\nsecond line".to_string(),
            ],
        ];
        let mut out = Vec::new();
        let look = super::super::Look {
            width: 40,
            color: false,
            plain: true,
        };
        write(&mut out, &["Practice", "Title", "Time"], rows, look).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Practice: self-compassion-pause", "{text}");
        assert_eq!(lines[1], "  Title: A self-compassion pause", "{text}");
        assert_eq!(lines[2], "  Time: about 3 min", "{text}");
        assert_eq!(lines[3], "", "{text}");
        assert_eq!(lines[4], "Practice: paced-breathing", "{text}");
        assert!(text.contains("\n    forty\n"), "{text}");
        assert!(
            text.contains("  Time: first line\n    second line\n"),
            "{text}"
        );
        assert!(text.lines().all(|l| display_width(l) <= 40), "{text}");
    }

    #[test]
    fn a_plain_table_has_no_rule() {
        let rows = vec![vec![
            "origins".to_string(),
            "Where it comes from".to_string(),
        ]];
        let mut out = Vec::new();
        let look = |plain| super::super::Look {
            width: 40,
            color: false,
            plain,
        };
        write(&mut out, &["id", "title"], rows.clone(), look(true)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains('─'), "{text}");
        assert!(text.contains("id") && text.contains("origins"), "{text}");
        let mut out = Vec::new();
        write(&mut out, &["id", "title"], rows, look(false)).unwrap();
        assert!(String::from_utf8(out).unwrap().contains('─'));
    }
}
