//! The config's `clipboard` setting: which way a copy (`y`) goes. Carried out by the
//! run layer's `run::clipboard`.

/// The config's `clipboard` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClipboardSetting {
    /// The system clipboard when there is one on this machine (not over SSH), else
    /// tmux's buffer inside tmux, else OSC 52; each falls back to the next.
    #[default]
    Auto,
    /// Only a system clipboard command.
    System,
    /// Only tmux's buffer.
    Tmux,
    /// Only OSC 52.
    Osc52,
    /// No copying at all.
    None,
}

impl ClipboardSetting {
    pub const NAMES: [&'static str; 5] = ["auto", "system", "tmux", "osc52", "none"];

    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "auto" => Self::Auto,
            "system" => Self::System,
            "tmux" => Self::Tmux,
            "osc52" => Self::Osc52,
            "none" => Self::None,
            _ => return None,
        })
    }
}
