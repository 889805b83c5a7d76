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
    read_regular(path, MAX_FILE_BYTES, "a briefing")
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// No such file.
    Missing,
    /// Not a regular file (a directory, a device, a FIFO...), or over the size limit:
    /// the message says which.
    Refused(String),
    /// Any other failure (permission, I/O): the OS's reason.
    Failed(String),
}

impl ReadError {
    /// One line naming the problem; the caller names the path.
    pub fn message(&self) -> String {
        match self {
            Self::Missing => "no such file".to_owned(),
            Self::Refused(m) | Self::Failed(m) => m.clone(),
        }
    }
}

/// Reads at most `limit` bytes of the regular file at `path`; `what` names the kind of
/// file in messages ("a briefing", "a config"). The file is opened without blocking
/// (a FIFO with no writer, a terminal, a device), and what was opened is checked on
/// the open handle, so a file swapped for a device between a check and the open cannot
/// slip through: anything but a regular file is refused before a byte is read.
pub fn read_regular(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, String> {
    read_checked(path, limit, what, false).map_err(|e| e.message())
}

/// `read_regular`, but the null device (`--config /dev/null`, a config linked to it)
/// reads as empty rather than being refused.
pub fn read_regular_or_null(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, String> {
    read_checked(path, limit, what, true).map_err(|e| e.message())
}

/// `read_regular`, telling a missing file and a refused one from other failures.
pub fn read_file(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, ReadError> {
    read_checked(path, limit, what, false)
}

fn read_checked(path: &Path, limit: u64, what: &str, null_ok: bool) -> Result<Vec<u8>, ReadError> {
    match open_regular(path, what, null_ok)? {
        Some(file) => read_bounded(file, limit, what),
        None => Ok(Vec::new()),
    }
}

fn read_bounded(file: File, limit: u64, what: &str) -> Result<Vec<u8>, ReadError> {
    // A regular file's size is known: refuse a huge one without reading it. The
    // bounded read still catches a file that grows while we read.
    if file.metadata().map_err(|e| failed(&e))?.len() > limit {
        return Err(ReadError::Refused(too_large(limit, what)));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| failed(&e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::Refused(too_large(limit, what)));
    }
    Ok(bytes)
}

fn failed(e: &std::io::Error) -> ReadError {
    if e.kind() == std::io::ErrorKind::NotFound {
        ReadError::Missing
    } else {
        ReadError::Failed(io_message(e))
    }
}

/// Opens `path` for reading without blocking and checks, on the handle, that it is a
/// regular file. `Ok(None)`: the null device, when `null_ok`.
fn open_regular(path: &Path, what: &str, null_ok: bool) -> Result<Option<File>, ReadError> {
    let file = open_nonblocking(path).map_err(|e| {
        // A socket cannot be opened at all (ENXIO): say what it is, not the OS text.
        match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() && !meta.is_dir() => {
                ReadError::Refused(not_regular(&meta, what))
            }
            _ => failed(&e),
        }
    })?;
    let meta = file.metadata().map_err(|e| failed(&e))?;
    if meta.is_file() {
        return Ok(Some(file));
    }
    if null_ok && is_null_device(&meta) {
        return Ok(None);
    }
    Err(ReadError::Refused(not_regular(&meta, what)))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO with no writer returns at once; O_NOCTTY: opening a
    // terminal never makes it ours. Reads of a regular file ignore O_NONBLOCK.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

fn not_regular(meta: &std::fs::Metadata, what: &str) -> String {
    if meta.is_dir() {
        return format!("is a directory, not {what} file");
    }
    format!("is {}, not a regular file", special_kind(meta))
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_fifo() {
        "a named pipe"
    } else if t.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::Metadata) -> &'static str {
    "a special file"
}

/// Whether `meta` is the null device's (same device number as `/dev/null`).
#[cfg(unix)]
fn is_null_device(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    meta.file_type().is_char_device()
        && std::fs::metadata("/dev/null").is_ok_and(|null| null.rdev() == meta.rdev())
}

#[cfg(not(unix))]
fn is_null_device(_: &std::fs::Metadata) -> bool {
    false
}

fn too_large(limit: u64, what: &str) -> String {
    format!(
        "is larger than the {} MiB limit for {what}",
        limit / 1024 / 1024
    )
}

/// An I/O error as the user reads it: "no such file", "permission denied", or the
/// OS text.
pub(crate) fn io_message(e: &std::io::Error) -> String {
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
    if let Some(what) = not_utf8(&bytes) {
        return Err((Diagnostic::error(None, what), String::new()));
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

/// What a file that is plainly not UTF-8 text is: NUL bytes only, UTF-32, UTF-16
/// (with a byte-order mark, or ASCII-heavy text with a NUL in every other byte).
fn not_utf8(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(64)];
    if !head.is_empty() && head.iter().all(|&b| b == 0) {
        return Some("the file holds only NUL bytes, not text");
    }
    let utf32 = bytes.starts_with(&[0xFF, 0xFE, 0, 0])
        || bytes.starts_with(&[0, 0, 0xFE, 0xFF])
        || head.len() >= 8
            && head
                .chunks_exact(4)
                .all(|c| c.iter().map(|&b| usize::from(b == 0)).sum::<usize>() >= 3);
    if utf32 {
        return Some("the file is UTF-32; save it as UTF-8 to read it with brief");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_utf16(bytes) {
        return Some("the file is UTF-16; save it as UTF-8 to read it with brief");
    }
    None
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
    fn names_utf32_and_nul_bytes() {
        let utf32: Vec<u8> = "format = 1"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let be: Vec<u8> = "format = 1"
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        for bytes in [[&[0xFF, 0xFE, 0, 0][..], &utf32].concat(), utf32, be] {
            let (err, _) = decode(&bytes).unwrap_err();
            assert!(err.message.contains("UTF-32"), "{}", err.message);
        }
        let (err, _) = decode(&[0; 100]).unwrap_err();
        assert_eq!(err.message, "the file holds only NUL bytes, not text");
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
