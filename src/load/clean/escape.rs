//! Escape sequences in untrusted text: where each kind (CSI, OSC, DCS, SOS, PM, APC,
//! nF; 7-bit and 8-bit) ends, so cleaning removes it whole, parameters and all.

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: removes the rest of whichever sequence it starts.
pub(super) fn skip_escape(chars: &mut Chars<'_>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // nF sequences: intermediates (0x20-0x2F) then one final character.
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next();
        }
        // Two-character sequences (ESC c, ESC 7, ...): the one character is gone already.
        _ => {}
    }
}

/// Parameters and intermediates up to and including the final byte (0x40-0x7E).
pub(super) fn skip_csi(chars: &mut Chars<'_>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
        // A stray control inside a CSI aborts it; it is dropped with the sequence.
        if c == '\u{1b}' {
            break;
        }
    }
}

/// OSC/DCS/SOS/PM/APC payloads run to BEL, ESC \ or the 8-bit ST. An unterminated one
/// runs to the end of the field: better to lose text than to emit half a sequence.
pub(super) fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}
