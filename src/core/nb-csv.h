/* nb-csv.h: reading comma-separated values (RFC 4180, as spreadsheets
 * and web sites really write it).
 *
 * Quoted fields may hold the delimiter, doubled quotes and line breaks;
 * records end with CRLF, LF or CR; blank lines are skipped. Each record
 * comes with the physical line it starts on, for reports. A quote that
 * is never closed is an error (the rest of the file would be one field);
 * anything else is read leniently: a quote inside an unquoted field is
 * kept, text after a closing quote is appended.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fields beyond this many in one record are dropped (and reported as
 * a ragged row by the caller, who compares with the header). */
#define NB_CSV_MAX_FIELDS 4096

typedef struct _NbCsvReader NbCsvReader;

/* Reads @data (kept alive by the reader), after nb_text_to_utf8().
 * @delimiter: ',', ';' or '\t'; 0 to guess from the first line. */
NbCsvReader *nb_csv_reader_new          (GBytes       *data,
                                         char          delimiter);
void         nb_csv_reader_free         (NbCsvReader  *self);
char         nb_csv_reader_get_delimiter (NbCsvReader *self);

/* The next record's fields (a new GStrv), and in *@out_line the line it
 * starts on (1-based). NULL at the end (without @error) or for a quote
 * that is never closed (G_IO_ERROR_INVALID_DATA, naming the line). */
GStrv        nb_csv_reader_next         (NbCsvReader  *self,
                                         guint        *out_line,
                                         GError      **error);
/* Whether the record last returned had NUL bytes in a field (they are
 * cut there in the GStrv) or more than NB_CSV_MAX_FIELDS fields. */
gboolean     nb_csv_reader_had_nul      (NbCsvReader  *self);
gboolean     nb_csv_reader_had_too_many (NbCsvReader  *self);

/* For progress: bytes read, and the size. */
gsize        nb_csv_reader_get_position (NbCsvReader  *self);
gsize        nb_csv_reader_get_size     (NbCsvReader  *self);

/* ',', ';' or '\t': whichever appears most, outside quotes, in the
 * first line of @data; ',' when none does. */
char         nb_csv_guess_delimiter     (const char   *data,
                                         gsize         length);

/* Formula protection. A cell a spreadsheet would run as a formula
 * ("=…", "@…", "+A1"…) is written with an apostrophe before it; so is a
 * cell that already starts with an apostrophe followed by such text or by
 * another apostrophe, so that reading takes exactly one off again and
 * any cell goes through a CSV export and import unchanged.
 * nb_csv_cell_needs_guard() tells whether to write the apostrophe;
 * nb_csv_cell_unguard() returns @cell without it (a pointer into @cell). */
gboolean     nb_csv_cell_needs_guard    (const char   *cell);
const char  *nb_csv_cell_unguard        (const char   *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbCsvReader, nb_csv_reader_free)

G_END_DECLS
