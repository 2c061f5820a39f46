//! Tables for the terminal (comfy-table), sized to the output width and free of escape bytes.

use comfy_table::{ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle};

use super::sanitize::escape_controls;

/// A quiet table: a line under the header, no other borders.
const QUIET: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction(' '));

/// No lines at all, for the accessible mode: a rule would be read aloud character by
/// character.
const BARE: TableStyle = TableStyle::new();

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

/// Writes a table from [`table`] line by line, without trailing spaces (and, when `look` is
/// plain, without the rule under the header).
pub fn write<W: std::io::Write>(
    out: &mut W,
    header: &[&str],
    rows: Vec<Vec<String>>,
    look: super::Look,
) -> std::io::Result<()> {
    let style = if look.plain { BARE } else { QUIET };
    for line in styled(header, rows, look.width, style).lines() {
        writeln!(out, "{}", line.trim_end())?;
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
