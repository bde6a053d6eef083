//! Shell completions and the manual page, both generated from the clap
//! definition in `cli.rs`, so they list exactly the real commands and flags.

use std::io::{self, Write};

use clap::CommandFactory;

use crate::cli::Cli;

/// `kompas completions SHELL`: the completion script for that shell. Made
/// in memory first: clap_complete panics on a failed write (a closed pipe).
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> io::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kompas", &mut script);
    out.write_all(&script)?;
    out.flush()
}

/// `kompas man`: the manual page in roff: the options, each command with
/// its own synopsis and options, the files and the environment.
pub fn man_page(out: &mut impl Write) -> io::Result<()> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = sub.get_name();
        writeln!(out, ".SS \"kompas {name}\"")?;
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            writeln!(out, "{}", roff_text(&about.to_string()))?;
        }
        let mut sub = sub.clone().bin_name(format!("kompas {name}"));
        sub.build();
        let sub_man = clap_mangen::Man::new(sub);
        let mut body = Vec::new();
        sub_man.render_synopsis_section(&mut body)?;
        sub_man.render_options_section(&mut body)?;
        // Under this command's own heading: without the section headings
        // and the string definitions each section repeats.
        let body = String::from_utf8_lossy(&body);
        writeln!(out, ".PP")?;
        for line in body.lines().filter(|l| !(l.starts_with(".SH ") || l.contains(".ds Aq"))) {
            writeln!(out, "{line}")?;
        }
    }
    out.write_all(FILES.as_bytes())?;
    man.render_version_section(out)?;
    Ok(())
}

/// Plain text made safe for roff: a leading dot or quote would be read as
/// a request, a backslash as an escape.
fn roff_text(s: &str) -> String {
    s.lines()
        .map(|l| {
            let l = l.replace('\\', "\\e");
            if l.starts_with(['.', '\'']) { format!("\\&{l}") } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const FILES: &str = r#".SH FILES
.TP
\fIconfig.toml\fR
Your own defaults: language, facilitator, sessions, theme. On Linux
\fI~/.config/kompas/config.toml\fR, on Windows
\fI%APPDATA%\ekompas\econfig\econfig.toml\fR, on macOS
\fI~/Library/Application Support/kompas/config.toml\fR; another file with
\fBKOMPAS_CONFIG\fR. \fBkompas config\fR shows where it is and what is set.
.TP
\fIsessions/\fR
The sessions: the folder given with \fB\-\-sessions\-dir\fR or in the config
file, else \fIsessions\fR in the current folder when there is one, else
\fIKompas\fR in your documents folder (or \fI~/.local/share/kompas/sessions\fR
where there is none). One JSON file per meeting.
.SH ENVIRONMENT
.TP
\fBLANG\fR, \fBLC_ALL\fR, \fBLC_MESSAGES\fR
The language when neither \fB\-\-lang\fR nor the config file sets it (Dutch
unless one names English).
.TP
\fBNO_COLOR\fR
When set, no colours; bold, underline and reverse still mark what matters.
.TP
\fBTERM\fR
With \fBTERM=dumb\fR kompas explains that it needs a terminal that draws
screens, and stops; \fBkompas export\fR still works.
.TP
\fBKOMPAS_CONFIG\fR
Use this config file instead of the one in the config folder.
"#;
