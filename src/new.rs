//! `brief new [FILE]`: a small, commented briefing to start from. It passes `brief
//! check` (a test keeps it so), and an existing file is never overwritten.

use std::io::Write;
use std::path::Path;

/// The starting briefing, as written.
pub const TEMPLATE: &str = include_str!("new/template.toml");

/// Writes the template to `path`, which must not exist yet (created exclusively, so a
/// file made meanwhile is not overwritten either). The error names the file.
pub fn write_new(path: &Path) -> Result<(), String> {
    let shown = crate::load::diag::escape(&path.display().to_string());
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{shown} already exists; `brief new` does not overwrite a file")
            }
            _ => format!("cannot create {shown}: {e}"),
        })?;
    file.write_all(TEMPLATE.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write {shown}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_loads_with_what_it_shows() {
        let loaded = crate::load::load_str("new.toml", TEMPLATE)
            .unwrap_or_else(|r| panic!("{}", r.render()));
        let b = loaded.briefing;
        assert_eq!(b.sections.len(), 1);
        assert_eq!(b.actors.len(), 2);
        assert_eq!(b.claims.len(), 1);
    }
}
