/* nb-import.h: taking in a network from other programs.
 *
 * Formats: vCard 2.1, 3.0 and 4.0 (phones, Google, Apple, Outlook, GNOME
 * Contacts), LinkedIn's Connections.csv, any CSV with a header row (its
 * columns mapped to card fields, with guesses for the usual names), and
 * Netbook's own JSON export (nb-json.h, into an empty notebook only).
 *
 * Duplicates: each record is matched against the people already in the
 * notebook and those added earlier in the same file — by email, then
 * profile URL, then the same name (case, accents and spacing aside; only
 * when that name belongs to one person) — and merged into the match
 * instead of added. Merging fills empty fields, adds emails, phones,
 * URLs and tags that are new, sets a photo only where there is none, and
 * adds a note or a "Connected on LinkedIn" entry unless the timeline
 * already has it. It never changes what is already on the card.
 *
 * Everything one import writes is one transaction: when it fails or is
 * cancelled, nothing was added. Records that cannot be imported (no
 * name, text that is not UTF-8, a vCard without END:VCARD…) are skipped
 * and reported with their line or card number and the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-store.h"

G_BEGIN_DECLS

/* Files larger than this are refused. */
#define NB_IMPORT_MAX_FILE_SIZE (256 * 1024 * 1024)

typedef enum {
  NB_IMPORT_FORMAT_AUTO,
  NB_IMPORT_FORMAT_VCARD,
  NB_IMPORT_FORMAT_LINKEDIN,
  NB_IMPORT_FORMAT_CSV,
  NB_IMPORT_FORMAT_JSON,
} NbImportFormat;

/* "auto", "vcard", "linkedin", "csv", "json": netbook-cli's --format. */
const char *nb_import_format_to_string   (NbImportFormat  format);
gboolean    nb_import_format_from_string (const char     *str,
                                          NbImportFormat *out_format);

/* What the content of @data looks like: VCARD (a BEGIN:VCARD line),
 * JSON (starts with "{"), LINKEDIN (LinkedIn's header after its notes),
 * CSV (anything else with a delimiter in its first line), or AUTO when
 * it is none of these (empty, binary…). */
NbImportFormat nb_import_detect_format   (GBytes         *data);

/* ---- CSV columns ---------------------------------------------------- */

typedef enum {
  NB_IMPORT_COLUMN_IGNORE,
  NB_IMPORT_COLUMN_FIELD,   /* a card field: see NbImportColumn.field */
  NB_IMPORT_COLUMN_TAGS,    /* tags, separated by "," ";" or " ::: " */
  NB_IMPORT_COLUMN_NOTES,   /* a note on the timeline */
} NbImportColumnKind;

typedef struct {
  NbImportColumnKind kind;
  NbPersonField      field;  /* for NB_IMPORT_COLUMN_FIELD */
} NbImportColumn;

/* Where a column named @header goes: "Name", "Full Name" → display name;
 * "Given Name", "First Name" → given name; "E-mail 1 - Value" (Google),
 * "E-mail Address" (Outlook) → emails; "Organization 1 - Name" →
 * company; "Job Title" → role; "Phone 1 - Value" → phones; "Notes" →
 * notes; "Labels", "Group Membership", "Categories" → tags; a card
 * field's key or label ("target_market") → that field; else ignored. */
NbImportColumn nb_import_guess_column    (const char     *header);

/* The header row of a CSV file (delimiter guessed), for the mapping
 * step: G_IO_ERROR_INVALID_DATA when there is none. */
GStrv       nb_import_read_csv_headers   (GBytes         *data,
                                          GError        **error);

/* ---- Options --------------------------------------------------------- */

typedef struct _NbImportOptions NbImportOptions;

NbImportOptions *nb_import_options_new   (void);
NbImportOptions *nb_import_options_copy  (const NbImportOptions *options);
void        nb_import_options_free       (NbImportOptions *options);
void        nb_import_options_set_format (NbImportOptions *options,
                                          NbImportFormat   format);
NbImportFormat nb_import_options_get_format (const NbImportOptions *options);
/* For CSV: one column per header, in order; NULL (the default) guesses
 * them with nb_import_guess_column(). Columns beyond @n_columns are
 * ignored. */
void        nb_import_options_set_csv_columns (NbImportOptions      *options,
                                               const NbImportColumn *columns,
                                               guint                 n_columns);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbImportOptions, nb_import_options_free)

/* ---- The report ------------------------------------------------------ */

typedef enum {
  NB_IMPORT_PLACE_LINE,     /* a physical line of the file (CSV, JSON) */
  NB_IMPORT_PLACE_CARD,     /* a vCard, counted from 1 */
} NbImportPlace;

typedef struct {
  NbImportPlace  place;
  guint          number;
  char          *name;     /* the record's name as read; "" if none */
  char          *reason;   /* translated, one line */
  /* TRUE: the record was skipped. FALSE: it was imported, but part of
   * it was left out (a photo larger than 10 MB…). */
  gboolean       skipped;
} NbImportIssue;

typedef struct {
  guint      added;
  guint      merged;
  guint      skipped;
  GPtrArray *issues;       /* NbImportIssue*, in file order */
} NbImportReport;

NbImportReport *nb_import_report_new     (void);
void        nb_import_report_free        (NbImportReport *report);
/* Counts a skipped record and records why. */
void        nb_import_report_add_skip    (NbImportReport *report,
                                          NbImportPlace   place,
                                          guint           number,
                                          const char     *name,
                                          const char     *reason);
void        nb_import_report_add_warning (NbImportReport *report,
                                          NbImportPlace   place,
                                          guint           number,
                                          const char     *name,
                                          const char     *reason);
/* "card 12", "line 40": untranslated, for netbook-cli's output. */
char       *nb_import_issue_dup_place    (const NbImportIssue *issue);
/* "Card 12", "Line 40": translated, for people. */
char       *nb_import_issue_dup_place_label (const NbImportIssue *issue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbImportReport, nb_import_report_free)

/* ---- Importing ------------------------------------------------------- */

/* Progress: @fraction 0..1 and a translated line such as "Saving 1,234
 * of 10,000…". Called often; cheap handlers only. */
typedef void (*NbImportProgressFunc) (double      fraction,
                                      const char *text,
                                      gpointer    user_data);

/* A file's contents, for import: a file that cannot be read, is a
 * folder or is larger than NB_IMPORT_MAX_FILE_SIZE sets a G_IO_ERROR
 * whose message names it. */
GBytes     *nb_import_load_file          (GFile                 *file,
                                          GCancellable          *cancellable,
                                          GError               **error);

/* An import in two halves: reading needs no store and is safe in any
 * thread (the slow half for a large file); writing matches and writes
 * on the store's thread, in one transaction. */
typedef struct _NbImportBatch NbImportBatch;

/* Reads @data. @options may be NULL (detect the format, guess CSV
 * columns). Errors: G_IO_ERROR_INVALID_DATA for data that is not of the
 * format (or of any: the message says what was expected),
 * G_IO_ERROR_CANCELLED. JSON is only checked when written. Progress
 * goes from 0 to 0.5. */
NbImportBatch *nb_import_batch_read      (GBytes                *data,
                                          const NbImportOptions *options,
                                          NbImportProgressFunc   progress,
                                          gpointer               progress_data,
                                          GCancellable          *cancellable,
                                          GError               **error);
void        nb_import_batch_free         (NbImportBatch         *batch);
NbImportFormat nb_import_batch_get_format (NbImportBatch        *batch);
/* Records read (people, skipped ones included); 0 for JSON. */
guint       nb_import_batch_get_n_records (NbImportBatch        *batch);
/* Writes @batch into @store, once. On an error (the store's, JSON's or
 * G_IO_ERROR_CANCELLED) nothing was written. Progress goes from 0.5 to
 * 1. */
NbImportReport *nb_import_batch_write    (NbImportBatch         *batch,
                                          NbStore               *store,
                                          NbImportProgressFunc   progress,
                                          gpointer               progress_data,
                                          GCancellable          *cancellable,
                                          GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbImportBatch, nb_import_batch_free)

/* Both halves at once. */
NbImportReport *nb_import_bytes          (NbStore               *store,
                                          GBytes                *data,
                                          const NbImportOptions *options,
                                          NbImportProgressFunc   progress,
                                          gpointer               progress_data,
                                          GCancellable          *cancellable,
                                          GError               **error);
/* The same for a file (nb_import_load_file()); errors about its
 * content name it. */
NbImportReport *nb_import_file           (NbStore               *store,
                                          GFile                 *file,
                                          const NbImportOptions *options,
                                          NbImportProgressFunc   progress,
                                          gpointer               progress_data,
                                          GCancellable          *cancellable,
                                          GError               **error);

/* Loads, reads, matches and writes the file in a worker thread, on a
 * connection of its own, in one transaction, reporting progress on the
 * calling thread's main context. Cancelling before the commit rolls
 * everything back (G_IO_ERROR_CANCELLED); after it, the import is done
 * and reported. Once committed, @store emits the changes as its own
 * (its models update) before @callback runs. @progress_destroy is
 * called when no more progress will come. */
void        nb_import_file_async         (NbStore               *store,
                                          GFile                 *file,
                                          const NbImportOptions *options,
                                          NbImportProgressFunc   progress,
                                          gpointer               progress_data,
                                          GDestroyNotify         progress_destroy,
                                          GCancellable          *cancellable,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data);
NbImportReport *nb_import_file_finish    (NbStore               *store,
                                          GAsyncResult          *result,
                                          GError               **error);

G_END_DECLS
