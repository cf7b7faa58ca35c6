/* nb-export-csv.c: one row per person, for spreadsheets (the format is
 * described in nb-export.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-csv.h"
#include "nb-export-private.h"

static void
append_csv_cell (GString    *out,
                 const char *cell,
                 gboolean    first)
{
  gboolean guard = nb_csv_cell_needs_guard (cell);

  if (!first)
    g_string_append_c (out, ',');

  if (!guard && strpbrk (cell, ",\"\r\n") == NULL)
    {
      g_string_append (out, cell);
      return;
    }

  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
_nb_export_csv_data (NbExportData  *data,
                     GPtrArray     *people,
                     GOutputStream *stream,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");

  for (guint f = 0; f < NB_PERSON_N_FIELDS; f++)
    append_csv_cell (out, nb_person_field_get_key ((NbPersonField) f), f == 0);
  g_string_append (out, ",tags,cadence_days,rapport,archived\r\n");

  for (guint i = 0; i < people->len; i++)
    {
      NbPerson *person = g_ptr_array_index (people, i);
      g_autofree char *tags = g_strjoinv (", ", (char **) nb_person_get_tags (person));
      char number[32];

      for (guint f = 0; f < NB_PERSON_N_FIELDS; f++)
        append_csv_cell (out, nb_person_get_field (person, (NbPersonField) f), f == 0);
      append_csv_cell (out, tags, FALSE);
      g_snprintf (number, sizeof number, ",%u,%u,%d\r\n", nb_person_get_cadence_days (person),
                  nb_person_get_rapport (person), nb_person_get_archived (person) ? 1 : 0);
      g_string_append (out, number);

      if (out->len >= 64 * 1024 || i + 1 == people->len)
        {
          if (!_nb_export_write_all (stream, out->str, out->len, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  if (people->len == 0)
    return _nb_export_write_all (stream, out->str, out->len, cancellable, error);

  return TRUE;
}
