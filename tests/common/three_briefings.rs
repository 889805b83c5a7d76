//! A library of three briefings for the library's search and Actors screens (issue 19):
//! one in a subfolder, with tags; "tariffs" is found in two of them (Lee Soo's quotes);
//! Kim Min speaks in two (January, then February, under two ids merged by name).
#![allow(dead_code)]

use std::path::Path;

pub const JANUARY: &str = r#"format = 1

[briefing]
title = "Harbour talks"
published = 2024-01-10
tags = ["harbour", "economy"]

[[actors]]
id = "kim"
name = "Kim Min"
kind = "person"
aliases = ["Minister Kim"]

[[actors]]
id = "lee"
name = "Lee Soo"
kind = "person"

[[sections]]
id = "talks"
title = "The talks"
body = """
Ministers met at the port.
"""

[[sections.quotes]]
id = "kim-open"
speaker = "kim"
text = "The harbour stays open for trade."
said = 2024-01-09

[[sections.quotes]]
id = "lee-lower"
speaker = "lee"
text = "We want lower tariffs."
"#;

pub const FEBRUARY: &str = r#"format = 1

[briefing]
title = "Rail strike"
published = 2024-02-05
tags = ["transport"]

[[actors]]
id = "kim-mj"
name = "Kim Min"
kind = "person"

[[actors]]
id = "park"
name = "Park Ji"
kind = "person"

[[sections]]
id = "strike"
title = "The strike"
body = """
Trains stood still.
"""

[[sections.quotes]]
id = "park-line"
speaker = "park"
text = "Workers will hold the line."

[[sections.quotes]]
id = "kim-end"
speaker = "kim-mj"
text = "The rail strike must end."
said = 2024-02-04
"#;

pub const MARCH: &str = r#"format = 1

[briefing]
title = "Harbour reopens"
published = 2024-03-01
tags = ["harbour"]

[[actors]]
id = "lee"
name = "Lee Soo"
kind = "person"

[[sections]]
id = "background"
title = "Background"
body = """
The port was closed for a week.
"""

[[sections]]
id = "reopening"
title = "The reopening"
body = """
Ships came back.
"""

[[sections.quotes]]
id = "lee-high"
speaker = "lee"
text = "Tariffs on the harbour are too high."
"#;

/// Writes the three briefings into `dir`: January in a subfolder `2024/`.
pub fn write(dir: &Path) {
    std::fs::create_dir_all(dir.join("2024")).unwrap();
    std::fs::write(dir.join("2024/harbour-jan.toml"), JANUARY).unwrap();
    std::fs::write(dir.join("rail-feb.toml"), FEBRUARY).unwrap();
    std::fs::write(dir.join("harbour-mar.toml"), MARCH).unwrap();
}
