//! Getting a briefing's bytes and turning them into text: bounded reads, file kinds,
//! encodings, line endings.

use super::diag::Diagnostic;
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// The largest briefing we read. The read is bounded, so `/dev/zero` cannot exhaust memory.
///
/// Parsing costs far more than the file: the toml crate builds the whole document first,
/// about 80 bytes per `1,` in a long array, so a 60 MB file took 4.7 GB and 30 s (issue
/// 8). At 16 MiB the worst shape found peaks near 1.3 GB; real briefings are well under
/// 1 MB, and the 10 MB synthetic one of the benchmarks still loads.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads at most `MAX_FILE_BYTES` from a path. Errors are one line naming the problem;
/// the caller names the path.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_message(&e))?;
    if meta.is_dir() {
        return Err("is a directory, not a briefing file".to_owned());
    }
    // Opening a FIFO with no writer blocks forever; sockets cannot be opened at all.
    if !meta.is_file() && !is_char_device(&meta) {
        return Err("is not a regular file".to_owned());
    }
    // A regular file's size is known: refuse a huge one without reading it. The bounded
    // read below still catches devices and files that grow while we read.
    if meta.is_file() && meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let file = File::open(path).map_err(|e| io_message(&e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

fn too_large() -> String {
    format!(
        "is larger than the {} MiB limit for a briefing",
        MAX_FILE_BYTES / 1024 / 1024
    )
}

#[cfg(unix)]
fn is_char_device(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_char_device()
}

#[cfg(not(unix))]
fn is_char_device(_: &std::fs::Metadata) -> bool {
    false
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            // The OS text, without the "(os error N)" tail.
            let text = e.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_owned()
        }
    }
}

/// Bytes to text: a UTF-8 BOM is dropped, UTF-16 is named, invalid UTF-8 is located,
/// CRLF becomes LF. An error comes with the text its span points into (the valid part
/// before a bad byte), so it renders with line, column and snippet like any other.
pub fn decode(bytes: &[u8]) -> Result<String, (Diagnostic, String)> {
    decode_owned(bytes.to_vec())
}

/// `decode`, taking the bytes: valid UTF-8 becomes the text in place, with no copy, so
/// a large briefing is held once while it is parsed, not twice.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<String, (Diagnostic, String)> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_utf16(&bytes) {
        return Err((
            Diagnostic::error(
                None,
                "the file is UTF-16; save it as UTF-8 to read it with brief",
            ),
            String::new(),
        ));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let valid = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
            let message = format!(
                "invalid UTF-8 (byte 0x{:02X}); briefings must be UTF-8",
                bytes[good]
            );
            return Err((
                Diagnostic::error(Some(good..good), message),
                valid.to_owned(),
            ));
        }
    };
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    })
}

/// UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte.
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    head.len() >= 4 && head.iter().skip(1).step_by(2).all(|&b| b == 0)
        || head.len() >= 4 && head.iter().step_by(2).all(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::diag::LineIndex;

    #[test]
    fn strips_bom_and_crlf() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa = 1\r\nb = 2\r\n").unwrap(),
            "a = 1\nb = 2\n"
        );
    }

    #[test]
    fn names_utf16_with_and_without_bom() {
        let utf16: Vec<u8> = "format = 1"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        for bytes in [[&[0xFF, 0xFE][..], &utf16].concat(), utf16.clone()] {
            let (err, _) = decode(&bytes).unwrap_err();
            assert!(err.message.contains("UTF-16"), "{}", err.message);
        }
    }

    #[test]
    fn locates_invalid_utf8() {
        let (err, valid) = decode(b"a = 1\nb = \"\xC3\x28\"").unwrap_err();
        assert_eq!(
            err.message,
            "invalid UTF-8 (byte 0xC3); briefings must be UTF-8"
        );
        assert_eq!(
            LineIndex::new(&valid).locate(err.span.unwrap().start),
            (2, 6)
        );
    }
}
