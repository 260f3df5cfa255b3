// Restores the terminal from a signal handler: only async-signal-safe calls (write,
// tcsetattr, sigaction, raise) on bytes prepared beforehand, on an alternate stack so that
// a stack overflow can still run it. See TerminalRestoration.swift.
#include "CNcurses.h"
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios shell_modes;
static int have_shell_modes = 0;
static char restore_bytes[512];
static size_t restore_length = 0;
static volatile sig_atomic_t armed = 0;

void errata_restoration_save_modes(void) {
    have_shell_modes = tcgetattr(STDIN_FILENO, &shell_modes) == 0;
}

static void append(const char *bytes) {
    // tigetstr answers NULL or (char *)-1 for a capability the terminal lacks.
    if (bytes == NULL || bytes == (const char *)-1) return;
    size_t length = strlen(bytes);
    if (restore_length + length > sizeof restore_bytes) return;
    memcpy(restore_bytes + restore_length, bytes, length);
    restore_length += length;
}

void errata_restoration_arm(void) {
    restore_length = 0;
    // Mouse reporting off (the xterm modes ncurses' mousemask turns on), attributes reset,
    // keypad transmit off, cursor shown, alternate screen left: what endwin would send.
    append("\033[?1006l\033[?1003l\033[?1002l\033[?1000l");
    append(tigetstr("sgr0"));
    append(tigetstr("rmkx"));
    append(tigetstr("cnorm"));
    append(tigetstr("rmcup"));
    armed = 1;
}

void errata_restoration_disarm(void) { armed = 0; }

static void restore_now(void) {
    if (!armed) return;
    armed = 0;
    size_t written = 0;
    while (written < restore_length) {
        ssize_t n = write(STDOUT_FILENO, restore_bytes + written, restore_length - written);
        if (n <= 0) break;
        written += (size_t)n;
    }
    if (have_shell_modes) tcsetattr(STDIN_FILENO, TCSADRAIN, &shell_modes);
}

static void on_signal(int signal) {
    restore_now();
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal, &fallback, NULL);
    // Pending until the handler returns (the signal is blocked here), then fatal; a fault
    // re-executes its instruction and faults again, now with the default action.
    raise(signal);
}

int errata_restoration_install(void) {
    static char alternate_stack[64 * 1024];
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    if (sigaltstack(&stack, NULL) != 0) return -1;
    static const int signals[] = {SIGSEGV, SIGILL, SIGBUS, SIGABRT, SIGFPE, SIGTRAP, SIGHUP, SIGQUIT, SIGINT, SIGTERM};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_signal;
        action.sa_flags = SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        if (sigaction(signals[i], &action, NULL) != 0) return -1;
    }
    return 0;
}
