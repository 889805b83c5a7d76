//! Partial dates (`2024`, `2024-10`, `2024-10-22`): parsing, ordering and display.
//!
//! Reporting is often vague about days ("last week", "this month"), so a date may stop at
//! the year or the month. Ordering puts a coarser date before any finer date inside it,
//! which is what a timeline wants: "2024-10" sorts before "2024-10-22".

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking month and day ranges
    /// (including leap years). Returns a message saying what is wrong otherwise.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut parts = text.split('-');
        let year = parts.next().unwrap_or_default();
        let month = parts.next();
        let day = parts.next();
        if parts.next().is_some() || !Self::digits(year, 4) {
            return Err(Self::expected());
        }
        let year: u16 = year.parse().map_err(|_| Self::expected())?;
        let month = match month {
            None => None,
            Some(m) if Self::digits(m, 2) => Some(m.parse::<u8>().map_err(|_| Self::expected())?),
            Some(_) => return Err(Self::expected()),
        };
        let day = match day {
            None => None,
            Some(d) if Self::digits(d, 2) => Some(d.parse::<u8>().map_err(|_| Self::expected())?),
            Some(_) => return Err(Self::expected()),
        };
        Self::new(year, month, day)
    }

    /// Builds a date from its parts, checking ranges.
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Result<Self, String> {
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("month {m:02} is out of range (01 to 12)"));
        }
        if let (Some(m), Some(d)) = (month, day) {
            let last = days_in_month(year, m);
            if d == 0 || d > last {
                return Err(format!(
                    "day {d:02} is out of range for {year}-{m:02} (01 to {last:02})"
                ));
            }
        }
        Ok(Self { year, month, day })
    }

    fn digits(s: &str, n: usize) -> bool {
        s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
    }

    fn expected() -> String {
        "expected a date as YYYY, YYYY-MM or YYYY-MM-DD".to_owned()
    }

    /// ISO form, as precise as the date is: `2024`, `2024-10`, `2024-10-22`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Human form for the reader: `22 Oct 2024`, `Oct 2024`, `2024`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = self.month.map(|m| MONTHS[usize::from(m - 1)]);
        match (month, self.day) {
            (Some(m), Some(d)) => write!(f, "{d} {m} {}", self.year),
            (Some(m), None) => write!(f, "{m} {}", self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("2024").unwrap().iso(), "2024");
        assert_eq!(PartialDate::parse("2024-10").unwrap().iso(), "2024-10");
        assert_eq!(
            PartialDate::parse("2024-10-22").unwrap().to_string(),
            "22 Oct 2024"
        );
        assert_eq!(
            PartialDate::parse("2024-10").unwrap().to_string(),
            "Oct 2024"
        );
    }

    #[test]
    fn rejects_bad_shapes_and_ranges() {
        for bad in [
            "",
            "24",
            "2024-1",
            "2024-10-2",
            "2024/10/22",
            "2024-10-22-01",
            "２０２４",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad:?} should fail");
        }
        assert_eq!(
            PartialDate::parse("2024-13").unwrap_err(),
            "month 13 is out of range (01 to 12)"
        );
        assert_eq!(
            PartialDate::parse("2023-02-29").unwrap_err(),
            "day 29 is out of range for 2023-02 (01 to 28)"
        );
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn coarse_dates_sort_before_finer_ones_inside_them() {
        let mut dates: Vec<_> = ["2024-10-22", "2024-10", "2022", "2024-10-01", "2024"]
            .iter()
            .map(|s| PartialDate::parse(s).unwrap())
            .collect();
        dates.sort();
        let iso: Vec<_> = dates.iter().map(PartialDate::iso).collect();
        assert_eq!(iso, ["2022", "2024", "2024-10", "2024-10-01", "2024-10-22"]);
    }
}
