// The ncursesw API as Swift can import it.
//
// NCURSES_WIDECHAR must be defined before curses.h, or cchar_t, get_wch and the wide output
// functions are missing. Swift cannot import function-like macros (attributes, mouse masks,
// getmaxyx) or, in Swift 6 mode, read mutable C globals (stdscr, COLORS, stdout): each gets a
// static inline accessor here. Only the NcursesTerminal module imports this header.
#ifndef ERRATA_CNCURSES_H
#define ERRATA_CNCURSES_H

#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <ncursesw/curses.h>

/// Restoring the terminal from signal handlers (TerminalRestoration.c): the tty modes are
/// saved before curses changes them, the bytes that end curses mode are prepared when the
/// screen opens (arm), and the handlers run on an alternate stack.
void errata_restoration_save_modes(void);
void errata_restoration_arm(void);
void errata_restoration_disarm(void);
int errata_restoration_install(void);

/// A screen on the process's own terminal (stdout, stdin) with the type named by TERM;
/// NULL, rather than exiting as initscr does, when the terminal cannot be opened.
static inline SCREEN *errata_newterm(void) {
    errata_restoration_save_modes();
    return newterm(NULL, stdout, stdin);
}

static inline WINDOW *errata_stdscr(void) { return stdscr; }
static inline int errata_colors(void) { return COLORS; }
static inline int errata_color_pairs(void) { return COLOR_PAIRS; }

/// The locale's character set after setlocale, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *errata_codeset(void) { return nl_langinfo(CODESET); }

/// Restores a signal's default action (SIG_DFL is a cast macro Swift does not import).
static inline void errata_default_signal(int sig) { signal(sig, SIG_DFL); }

static inline attr_t errata_a_normal(void) { return A_NORMAL; }
static inline attr_t errata_a_bold(void) { return A_BOLD; }
static inline attr_t errata_a_dim(void) { return A_DIM; }
static inline attr_t errata_a_italic(void) { return A_ITALIC; }
static inline attr_t errata_a_underline(void) { return A_UNDERLINE; }
static inline attr_t errata_a_reverse(void) { return A_REVERSE; }

static inline int errata_key_f(int n) { return KEY_F(n); }

static inline mmask_t errata_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t errata_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t errata_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t errata_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t errata_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t errata_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t errata_buttons_released(void) {
    return BUTTON1_RELEASED | BUTTON2_RELEASED | BUTTON3_RELEASED;
}
static inline mmask_t errata_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

#endif
