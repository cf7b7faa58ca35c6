/* nb-cli-private.h: what netbook-cli's command files share: the run
 * state, the command table's types, output, validation and parsing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-store.h"

G_BEGIN_DECLS

#define PROGRAM_NAME "netbook-cli"

/* Exit statuses. */
enum {
  EXIT_OK = 0,
  EXIT_ERROR = 1,
  EXIT_USAGE = 2,
};

/* A command function returns this to say "carry on". */
#define CONTINUE (-1)

/* Output is collected here and written in large blocks. */
#define OUT_FLUSH_SIZE (64 * 1024)

/* Stay-in-touch cadences beyond a century are typing mistakes. */
#define MAX_CADENCE_DAYS 36500
#define MAX_RAPPORT 5

typedef struct
{
  GInputStream  *in;
  GOutputStream *out;
  GOutputStream *err;
  GString       *outbuf;
  gboolean       write_failed;
  char          *db_path;   /* from --db; NULL = $NETBOOK_DB or default */
  NbStore       *store;
} NbCli;

typedef struct _NbCliCommand NbCliCommand;
typedef int (*NbCliFunc) (NbCli              *cli,
                          const NbCliCommand *command,
                          char              **args);

struct _NbCliCommand
{
  const char *name;
  NbCliFunc   func;
  const char *params;   /* positional arguments, as in the usage line */
  const char *summary;  /* N_() */
};

const NbCliCommand *find_command (const char *name);

/* ---- Output, validation, parsing (nb-cli-util.c) ---------------------- */

void cli_flush (NbCli *cli);

void cli_maybe_flush (NbCli *cli);

void cli_puts (NbCli      *cli,
               const char *str);

void cli_print (NbCli      *cli,
                const char *format,
                ...) G_GNUC_PRINTF (2, 3);

void cli_write_err (NbCli      *cli,
                    const char *str);

void cli_error (NbCli      *cli,
                const char *format,
                ...) G_GNUC_PRINTF (2, 3);

int cli_usage_error (NbCli              *cli,
                     const NbCliCommand *command,
                     const char         *format,
                     ...) G_GNUC_PRINTF (3, 4);

void append_tsv_field (GString    *string,
                       const char *field);

void append_tsv_line (GString    *string,
                      const char *first,
                      ...);

void append_person_line (GString  *string,
                         NbPerson *person);

void append_card_line (GString    *string,
                       const char *key,
                       const char *value);

gboolean cli_check_utf8 (NbCli      *cli,
                         const char *what,
                         const char *text);

gboolean cli_check_utf8_array (NbCli              *cli,
                               const char         *what,
                               const char * const *texts);

gboolean cli_check_date (NbCli      *cli,
                         const char *what,
                         const char *date,
                         gboolean    allow_empty);

gboolean cli_parse_uint (NbCli      *cli,
                         const char *what,
                         const char *text,
                         guint       max,
                         guint      *out_value);

int cli_parse_entry_id (NbCli              *cli,
                        const NbCliCommand *command,
                        const char         *text,
                        gint64             *out_id);

GStrv split_tags (const char * const *values);

char *cli_read_input (NbCli       *cli,
                      const char  *what);

char *cli_get_text (NbCli      *cli,
                    const char *what,
                    const char *arg);

gboolean wants_help (char **args);

char *wrap_text (const char *text,
                 guint       width);

char *help_text (GOptionContext *context,
                 const char     *usage);

GOptionContext *command_context (const NbCliCommand *command,
                                 const GOptionEntry *entries,
                                 const char         *description,
                                 char              **db_path,
                                 gboolean           *help,
                                 char             ***remaining);

int cli_parse (NbCli              *cli,
               const NbCliCommand *command,
               const GOptionEntry *entries,
               const char         *description,
               char             ***args,
               int                 min,
               int                 max);

gboolean cli_open_store (NbCli *cli);

int cli_store_error (NbCli  *cli,
                     GError *error);

NbPerson *cli_resolve_person (NbCli      *cli,
                              const char *what,
                              const char *spec,
                              int        *status);

const char *cli_person_name (NbCli      *cli,
                             GHashTable *cache,
                             gint64      person_id);

GHashTable *person_cache_new (void);

char *statuses_for_kind (NbEntryKind kind);

char *all_kinds_text (const char *separator);

void set_multiline_field (NbPerson           *person,
                          NbPersonField       field,
                          const char * const *values);

/* ---- Commands ---------------------------------------------------------- */

int cmd_add (NbCli              *cli,
             const NbCliCommand *command,
             char              **args);

int cmd_list (NbCli              *cli,
              const NbCliCommand *command,
              char              **args);

int cmd_search (NbCli              *cli,
                const NbCliCommand *command,
                char              **args);

int cmd_tags (NbCli              *cli,
              const NbCliCommand *command,
              char              **args);

int cmd_show (NbCli              *cli,
              const NbCliCommand *command,
              char              **args);

int cmd_set (NbCli              *cli,
             const NbCliCommand *command,
             char              **args);

int cmd_note (NbCli              *cli,
              const NbCliCommand *command,
              char              **args);

int cmd_log (NbCli              *cli,
             const NbCliCommand *command,
             char              **args);

int cmd_done (NbCli              *cli,
              const NbCliCommand *command,
              char              **args);

int cmd_status (NbCli              *cli,
                const NbCliCommand *command,
                char              **args);

int cmd_followups (NbCli              *cli,
                   const NbCliCommand *command,
                   char              **args);

int cmd_edit (NbCli              *cli,
              const NbCliCommand *command,
              char              **args);

int cmd_delete_entry (NbCli              *cli,
                      const NbCliCommand *command,
                      char              **args);

int cmd_trust (NbCli              *cli,
               const NbCliCommand *command,
               char              **args);

int cmd_brief (NbCli              *cli,
               const NbCliCommand *command,
               char              **args);

int cmd_backup (NbCli              *cli,
                const NbCliCommand *command,
                char              **args);

int cmd_capture (NbCli              *cli,
                 const NbCliCommand *command,
                 char              **args);

int cmd_profile (NbCli              *cli,
                 const NbCliCommand *command,
                 char              **args);

int cmd_export (NbCli              *cli,
                const NbCliCommand *command,
                char              **args);

int cmd_restore (NbCli              *cli,
                 const NbCliCommand *command,
                 char              **args);

int cmd_import (NbCli              *cli,
                const NbCliCommand *command,
                char              **args);

G_END_DECLS
