/* fuzz-csv.c: libFuzzer target for the CSV reader, LinkedIn's
 * Connections.csv and generic CSV with guessed columns, from the bytes
 * to import records, with the invariants the importer relies on.
 *
 * Built with -Dfuzzing=true (clang); the same function runs over
 * corpus/csv/ in every build (fuzz-corpus-main.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "nb-csv.h"
#include "nb-import-private.h"
#include "nb-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_records (GPtrArray *records)
{
  guint last_line = 0;

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      const NbImportRecord *record = g_ptr_array_index (records, i);

      g_assert_cmpuint (record->number, >, last_line);
      last_line = record->number;
      g_assert_true (g_utf8_validate (record->name, -1, NULL));
      if (record->skip_reason != NULL)
        continue;

      g_assert_cmpstr (record->name, !=, "");
      for (guint f = 0; f < NB_PERSON_N_FIELDS; f++)
        g_assert_true (record->fields[f] == NULL || g_utf8_validate (record->fields[f], -1, NULL));
      g_assert_true (record->connected_on == NULL || strlen (record->connected_on) == 10);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GBytes) text = nb_text_to_utf8 (bytes);
  g_autoptr(NbCsvReader) reader = nb_csv_reader_new (text, 0);
  g_autoptr(GPtrArray) linkedin = NULL;
  g_autoptr(GPtrArray) csv = NULL;
  g_auto(GStrv) headers = NULL;
  guint last_line = 0;
  GStrv fields;
  guint line = 0;

  while ((fields = nb_csv_reader_next (reader, &line, NULL)) != NULL)
    {
      g_assert_cmpuint (line, >, last_line);
      g_assert_cmpuint (g_strv_length (fields), >=, 1);
      g_assert_cmpuint (g_strv_length (fields), <=, NB_CSV_MAX_FIELDS);
      last_line = line;
      g_strfreev (fields);
    }

  headers = nb_import_read_csv_headers (bytes, NULL);
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    {
      g_autofree char *date = _nb_import_parse_date (headers[i]);

      (void) nb_import_guess_column (headers[i]);
      g_assert_true (date == NULL || strlen (date) == 10);
    }

  linkedin = _nb_import_read (bytes, NB_IMPORT_FORMAT_LINKEDIN, NULL, 0, NULL, NULL, NULL, NULL);
  check_records (linkedin);
  csv = _nb_import_read (bytes, NB_IMPORT_FORMAT_CSV, NULL, 0, NULL, NULL, NULL, NULL);
  check_records (csv);

  (void) nb_import_detect_format (bytes);
  return 0;
}
