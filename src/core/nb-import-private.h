/* nb-import-private.h: what the files of the import share.
 *
 * nb-import-read.c turns bytes into NbImportRecords without touching
 * the store (so it can run in a worker thread, and be fuzzed);
 * nb-import-write.c matches and writes them in one transaction;
 * nb-import.c is the public API around both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-csv.h"
#include "nb-import.h"

G_BEGIN_DECLS

/* One person as read from a file: plain data, no GObject, so that a
 * worker thread can build it. */
typedef struct {
  NbImportPlace  place;
  guint          number;
  char          *name;         /* the display name; "" if none */
  char          *skip_reason;  /* translated; NULL when importable */
  char          *warning;      /* translated; NULL if none */
  /* NULL when the file has nothing for the field. Emails, phones and
   * URLs: one value per line. Dates: YYYY-MM-DD. */
  char          *fields[NB_PERSON_N_FIELDS];
  GPtrArray     *tags;         /* char* */
  char          *note;         /* a note for the timeline, or NULL */
  char          *connected_on; /* LinkedIn: YYYY-MM-DD, or NULL */
  GBytes        *photo;        /* or NULL */
} NbImportRecord;

NbImportRecord *_nb_import_record_new  (NbImportPlace   place,
                                        guint           number);
void            _nb_import_record_free (NbImportRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbImportRecord, _nb_import_record_free)

/* ---- nb-import-read.c ------------------------------------------------ */

/* Reads @data (as given: BOM and UTF-16 are handled here) as @format,
 * which is not AUTO or JSON. @columns: CSV only, NULL to guess. Returns
 * the NbImportRecord*s in file order, or NULL with G_IO_ERROR_* set
 * (INVALID_DATA for a file that is not of the format, CANCELLED). Safe
 * in any thread; @progress is called in the calling one. */
GPtrArray  *_nb_import_read            (GBytes               *data,
                                        NbImportFormat        format,
                                        const NbImportColumn *columns,
                                        guint                 n_columns,
                                        NbImportProgressFunc  progress,
                                        gpointer              progress_data,
                                        GCancellable         *cancellable,
                                        GError              **error);

/* @data as UTF-8 for the CSV readers: nb_text_to_utf8(), and an 8-bit
 * file (one without a single UTF-8 sequence) read as Windows-1252. */
GBytes     *_nb_import_csv_text        (GBytes               *data);

/* ---- nb-import-detect.c --------------------------------------------- */

/* The columns of LinkedIn's Connections.csv. */
typedef enum {
  NB_LINKEDIN_FIRST,
  NB_LINKEDIN_LAST,
  NB_LINKEDIN_URL,
  NB_LINKEDIN_EMAIL,
  NB_LINKEDIN_COMPANY,
  NB_LINKEDIN_POSITION,
  NB_LINKEDIN_CONNECTED,
  NB_LINKEDIN_N_COLUMNS
} NbLinkedInColumn;

/* Reads @reader's records up to LinkedIn's header row, which comes
 * after a few records of notes, and sets the position of each column
 * in it (-1 if missing; first and last name and "Connected On" are
 * needed). FALSE if there is none (or on a CSV @error). */
gboolean    _nb_import_find_linkedin_header (NbCsvReader *reader,
                                             int          positions[NB_LINKEDIN_N_COLUMNS],
                                             guint       *out_line,
                                             GError     **error);
/* nb_import_guess_column() for a whole header row (newly allocated,
 * *@n_columns of them): a plain "Title" is a role only when no other
 * column is. */
NbImportColumn *_nb_import_guess_columns    (const char * const *headers,
                                             guint              *n_columns);

/* A date as other programs write it ("2023-11-05", "20231105", "05 Nov
 * 2023", "Nov 5, 2023", "5/11/2023" is not: it is ambiguous) as
 * YYYY-MM-DD, or NULL. */
char       *_nb_import_parse_date      (const char           *text);

/* ---- nb-import-write.c ----------------------------------------------- */

/* Matches and writes @records (NbImportRecord*) in one transaction and
 * counts them in @report; on failure or cancellation nothing is written
 * and @report is left as it was. */
gboolean    _nb_import_write           (NbStore              *store,
                                        GPtrArray            *records,
                                        NbImportReport       *report,
                                        NbImportProgressFunc  progress,
                                        gpointer              progress_data,
                                        GCancellable         *cancellable,
                                        GError              **error);

/* How names, emails and URLs are compared: casefolded, without accents
 * and extra spaces ("  Zoë  Ångström" = "zoe angstrom"); emails in
 * lower case; URLs without scheme, "www.", query or trailing slash. */
char       *_nb_import_fold_name       (const char           *name);
char       *_nb_import_fold_email      (const char           *email);
char       *_nb_import_fold_url        (const char           *url);

/* ---- nb-import.c ----------------------------------------------------- */

/* "Card 1,234 of 10,000" and the like, for progress. */
void        _nb_import_report_progress (NbImportProgressFunc  progress,
                                        gpointer              progress_data,
                                        double                fraction,
                                        const char           *format,
                                        ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
