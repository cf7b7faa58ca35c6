/* nb-cli.h: netbook-cli's commands, in the static library so tests can
 * run them in-process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Sets up the locale and runs the command line; returns the exit status
 * (0 ok, 1 error, 2 unknown or ambiguous person / usage error). */
int nb_cli_main (int argc, char **argv);

/* The same, writing to @out and @err and reading stdin from @in (for
 * `capture` and tests). The locale is not touched. */
int nb_cli_run  (int            argc,
                 char         **argv,
                 GInputStream  *in,
                 GOutputStream *out,
                 GOutputStream *err);

G_END_DECLS
