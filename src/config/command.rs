//! `brief config` and `brief keys`: what they print, as text for `main` to write.

use super::settings::{LookArgs, settings};
use crate::load::diag::escape;

/// `brief config`: checks the config and says where it is; with `--default`, the
/// whole default config.
pub fn config(args: &LookArgs, default: bool) -> Result<String, String> {
    if default {
        return Ok(super::default::text());
    }
    let path = args.config.clone().or_else(super::default_path);
    match path {
        Some(path) if args.config.is_some() || path.exists() => {
            settings(args)?;
            Ok(format!("ok: {}\n", escape(&path.display().to_string())))
        }
        Some(path) => Ok(format!(
            "no config at {}: brief uses the defaults (`brief config --default` prints them)\n",
            escape(&path.display().to_string())
        )),
        None => Ok(
            "no config folder (neither XDG_CONFIG_HOME nor HOME is set): brief uses the defaults\n"
                .to_owned(),
        ),
    }
}

/// `brief keys`: the key table as the config leaves it, as text or Markdown.
pub fn keys(args: &LookArgs, markdown: bool) -> Result<String, String> {
    let map = settings(args)?.settings.keymap;
    Ok(if markdown {
        map.markdown()
    } else {
        map.table()
    })
}
