/* nb-import-read.c: from a file's bytes to NbImportRecords.
 *
 * Nothing here touches the store: it runs in the import's worker thread
 * and under the fuzzers.
 *
 * Text: vCards decide card by card (nb-vcard.c). A CSV file that is not
 * valid UTF-8 and has no well-formed UTF-8 sequence at all is a legacy
 * 8-bit export (Excel, Outlook) and is read as Windows-1252; in one that
 * has some, the rows that are not valid UTF-8 are damaged and skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-csv.h"
#include "nb-date.h"
#include "nb-import-private.h"
#include "nb-text.h"
#include "nb-vcard.h"

/* Records between progress reports and cancellation checks. */
#define PROGRESS_EVERY 256

/* ---- records ------------------------------------------------------------ */

NbImportRecord *
_nb_import_record_new (NbImportPlace place,
                       guint         number)
{
  NbImportRecord *record = g_new0 (NbImportRecord, 1);

  record->place = place;
  record->number = number;
  record->name = g_strdup ("");
  record->tags = g_ptr_array_new_with_free_func (g_free);

  return record;
}

void
_nb_import_record_free (NbImportRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->name);
  g_free (record->skip_reason);
  g_free (record->warning);
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    g_free (record->fields[i]);
  g_ptr_array_unref (record->tags);
  g_free (record->note);
  g_free (record->connected_on);
  g_clear_pointer (&record->photo, g_bytes_unref);
  g_free (record);
}

static void
skip_record (NbImportRecord *record,
             const char     *reason)
{
  if (record->skip_reason == NULL)
    record->skip_reason = g_strdup (reason);
}

static void
warn_record (NbImportRecord *record,
             const char     *warning)
{
  if (record->warning == NULL)
    record->warning = g_strdup (warning);
}

/* Control characters (line breaks too) become spaces; trimmed. */
static char *
dup_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7F)
        *p = ' ';
    }

  return g_strstrip (line);
}

/* Keeps line breaks (as LF) and tabs, drops other control characters. */
static char *
dup_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if (*p == '\n' || *p == '\t' || ((guchar) *p >= 0x20 && *p != 0x7F))
        {
          g_string_append_c (out, *p);
        }
    }

  return g_strstrip (g_string_free (out, FALSE));
}

static gboolean
is_multi_valued (NbPersonField field)
{
  return field == NB_PERSON_EMAILS || field == NB_PERSON_PHONES || field == NB_PERSON_URLS;
}

static gboolean
is_date_field (NbPersonField field)
{
  return field == NB_PERSON_MET_DATE || field == NB_PERSON_BIRTHDAY;
}

/* Fields of one line; the longer texts (offers, interests…) keep theirs. */
static gboolean
is_one_line (NbPersonField field)
{
  switch (field)
    {
    case NB_PERSON_DISPLAY_NAME:
    case NB_PERSON_GIVEN_NAME:
    case NB_PERSON_FAMILY_NAME:
    case NB_PERSON_COMPANY:
    case NB_PERSON_ROLE:
    case NB_PERSON_INDUSTRY:
    case NB_PERSON_LOCATION:
    case NB_PERSON_EMAILS:
    case NB_PERSON_PHONES:
    case NB_PERSON_URLS:
    case NB_PERSON_MET_DATE:
    case NB_PERSON_MET_WHERE:
    case NB_PERSON_BIRTHDAY:
      return TRUE;

    case NB_PERSON_TARGET_MARKET:
    case NB_PERSON_OFFERS:
    case NB_PERSON_INTERESTS:
    case NB_PERSON_WORK_LIKES:
    case NB_PERSON_INDUSTRY_NEWS:
    case NB_PERSON_CAREER_ORIGIN:
    case NB_PERSON_NETWORKS:
    default:
      return FALSE;
    }
}

/* Adds one value to a one-per-line field, unless it is there. */
static void
add_line_value (NbImportRecord *record,
                NbPersonField   field,
                const char     *value)
{
  g_autofree char *line = dup_line (value);
  char *old = record->fields[field];

  if (*line == '\0')
    return;

  if (old != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (old, "\n", -1);

      if (g_strv_contains ((const char * const *) lines, line))
        return;
      record->fields[field] = g_strconcat (old, "\n", line, NULL);
      g_free (old);
    }
  else
    {
      record->fields[field] = g_steal_pointer (&line);
    }
}

/* Sets a field the record does not have yet. */
static void
set_field (NbImportRecord *record,
           NbPersonField   field,
           const char     *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL || record->fields[field] != NULL)
    return;

  clean = is_one_line (field) ? dup_line (value) : dup_text (value);
  if (*clean == '\0')
    return;

  if (is_date_field (field))
    {
      char *date = _nb_import_parse_date (clean);

      if (date == NULL)
        return;
      g_free (clean);
      clean = date;
    }

  record->fields[field] = g_steal_pointer (&clean);
}

static void
add_tag (NbImportRecord *record,
         const char     *tag)
{
  g_autofree char *clean = dup_line (tag);
  const char *name = clean;

  /* Google's system groups: "* myContacts", "* starred". */
  if (g_str_has_prefix (name, "* "))
    name += 2;

  if (*name == '\0' || g_ascii_strcasecmp (name, "myContacts") == 0 ||
      record->tags->len >= 100)
    return;

  for (guint i = 0; i < record->tags->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (record->tags, i), name))
        return;
    }

  g_ptr_array_add (record->tags, g_strdup (name));
}

static void
add_note (NbImportRecord *record,
          const char     *text)
{
  g_autofree char *note = dup_text (text);

  if (*note == '\0')
    return;

  if (record->note == NULL)
    {
      record->note = g_steal_pointer (&note);
    }
  else
    {
      char *joined = g_strconcat (record->note, "\n\n", note, NULL);

      g_free (record->note);
      record->note = joined;
    }
}

/* The display name from what the record has: its name, else the given
 * and family names, else (@company_ok: an address book's card for a
 * business) the company. Skips it when there is none. */
static void
finish_record (NbImportRecord *record,
               gboolean        company_ok)
{
  g_autofree char *name = NULL;

  if (record->fields[NB_PERSON_DISPLAY_NAME] != NULL)
    {
      name = g_strdup (record->fields[NB_PERSON_DISPLAY_NAME]);
    }
  else
    {
      const char *given = record->fields[NB_PERSON_GIVEN_NAME];
      const char *family = record->fields[NB_PERSON_FAMILY_NAME];

      if (given != NULL && family != NULL)
        name = g_strconcat (given, " ", family, NULL);
      else if (given != NULL || family != NULL)
        name = g_strdup (given != NULL ? given : family);
      else if (company_ok && record->fields[NB_PERSON_COMPANY] != NULL)
        name = g_strdup (record->fields[NB_PERSON_COMPANY]);
      else
        name = g_strdup ("");
    }

  g_free (record->name);
  record->name = g_steal_pointer (&name);

  if (*record->name == '\0')
    {
      skip_record (record, _("It has no name."));
      return;
    }

  g_free (record->fields[NB_PERSON_DISPLAY_NAME]);
  record->fields[NB_PERSON_DISPLAY_NAME] = g_strdup (record->name);
}


/* ---- text ----------------------------------------------------------------- */

GBytes *
_nb_import_csv_text (GBytes *data)
{
  g_autoptr(GBytes) text = nb_text_to_utf8 (data);
  const char *buf;
  gsize size;
  gsize length = 0;
  char *converted;

  buf = g_bytes_get_data (text, &size);
  if (g_utf8_validate_len (buf, size, NULL) || nb_text_has_utf8_sequences (buf, size))
    return g_steal_pointer (&text);

  converted = nb_text_from_windows_1252 (buf, (gssize) size, &length);
  return g_bytes_new_take (converted, length);
}

static gboolean
row_is_utf8 (const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (!g_utf8_validate (fields[i], -1, NULL))
        return FALSE;
    }

  return TRUE;
}

static gboolean
row_is_empty (const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      for (const char *p = fields[i]; *p != '\0'; p++)
        {
          if (!g_ascii_isspace (*p))
            return FALSE;
        }
    }

  return TRUE;
}

/* A row that cannot be read at all: NUL bytes, not UTF-8. */
static gboolean
check_row (NbCsvReader        *reader,
           const char * const *fields,
           NbImportRecord     *record)
{
  if (nb_csv_reader_had_nul (reader))
    {
      skip_record (record, _("It contains a NUL byte, which is not text."));
      return FALSE;
    }

  if (!row_is_utf8 (fields))
    {
      skip_record (record, _("It contains text that is not valid UTF-8."));
      return FALSE;
    }

  return TRUE;
}

/* Splits a multi-valued cell: Google writes "a ::: b". */
static GStrv
split_cell (const char *cell,
            gboolean    tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (cell, " ::: ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit_set (parts[i], tags ? ",;\n" : "\n", -1);

      g_strv_builder_addv (builder, (const char **) pieces);
    }

  return g_strv_builder_end (builder);
}

static gboolean
check_cancelled (GPtrArray     *records,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return records->len % PROGRESS_EVERY == 0 &&
         g_cancellable_set_error_if_cancelled (cancellable, error);
}

static double
fraction (gsize position,
          gsize size)
{
  return size > 0 ? (double) position / (double) size : 1.0;
}

/* ---- vCard ---------------------------------------------------------------- */

static NbImportRecord *
record_from_vcard (NbVCard *card)
{
  g_autoptr(NbImportRecord) record = _nb_import_record_new (NB_IMPORT_PLACE_CARD, card->number);
  g_autofree char *name = nb_vcard_dup_name (card);
  g_autofree char *role = NULL;

  if (card->skip_reason != NULL)
    skip_record (record, card->skip_reason);

  set_field (record, NB_PERSON_DISPLAY_NAME, name);
  set_field (record, NB_PERSON_GIVEN_NAME, card->given_name);
  set_field (record, NB_PERSON_FAMILY_NAME, card->family_name);
  set_field (record, NB_PERSON_COMPANY, card->org);

  /* A department ("ORG:Acme;Sales") goes with the role: "Manager, Sales". */
  role = g_strdup (card->title != NULL && *card->title != '\0' ? card->title : card->role);
  for (guint i = 0; card->org_units[i] != NULL; i++)
    {
      char *joined = role != NULL && *role != '\0'
                       ? g_strconcat (role, ", ", card->org_units[i], NULL)
                       : g_strdup (card->org_units[i]);

      g_free (role);
      role = joined;
    }
  set_field (record, NB_PERSON_ROLE, role);
  set_field (record, NB_PERSON_LOCATION, card->location);
  if (*card->bday != '\0')
    set_field (record, NB_PERSON_BIRTHDAY, card->bday);

  for (guint i = 0; i < card->emails->len; i++)
    add_line_value (record, NB_PERSON_EMAILS, g_ptr_array_index (card->emails, i));
  for (guint i = 0; i < card->phones->len; i++)
    add_line_value (record, NB_PERSON_PHONES, g_ptr_array_index (card->phones, i));
  for (guint i = 0; i < card->urls->len; i++)
    add_line_value (record, NB_PERSON_URLS, g_ptr_array_index (card->urls, i));
  for (guint i = 0; i < card->categories->len; i++)
    add_tag (record, g_ptr_array_index (card->categories, i));
  if (card->note != NULL)
    add_note (record, card->note);

  if (card->photo != NULL)
    record->photo = g_bytes_ref (card->photo);
  if (card->photo_problem != NULL)
    warn_record (record, card->photo_problem);

  finish_record (record, TRUE);
  return g_steal_pointer (&record);
}

static GPtrArray *
read_vcards (GBytes                *data,
             NbImportProgressFunc   progress,
             gpointer               progress_data,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autoptr(GBytes) text = nb_text_to_utf8 (data);
  g_autoptr(NbVCardParser) parser = nb_vcard_parser_new (text);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) _nb_import_record_free);
  NbVCard *card;

  while ((card = nb_vcard_parser_next (parser)) != NULL)
    {
      g_ptr_array_add (records, record_from_vcard (card));
      nb_vcard_free (card);

      if (check_cancelled (records, cancellable, error))
        return NULL;
      if (records->len % PROGRESS_EVERY == 0)
        _nb_import_report_progress (progress, progress_data,
                                    fraction (nb_vcard_parser_get_position (parser),
                                              nb_vcard_parser_get_size (parser)),
                                    _("Reading card %'u…"), records->len);
    }

  if (records->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This is not a vCard file: it has no BEGIN:VCARD line."));
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* ---- LinkedIn -------------------------------------------------------------- */

static const char *
cell (const char * const *fields,
      guint               n_fields,
      int                 position)
{
  return position >= 0 && (guint) position < n_fields ? fields[position] : NULL;
}

static NbImportRecord *
record_from_linkedin (NbCsvReader        *reader,
                      const char * const *fields,
                      guint               line,
                      const int          *positions)
{
  g_autoptr(NbImportRecord) record = _nb_import_record_new (NB_IMPORT_PLACE_LINE, line);
  guint n = g_strv_length ((char **) fields);
  const char *connected;

  if (!check_row (reader, fields, record))
    return g_steal_pointer (&record);

  set_field (record, NB_PERSON_GIVEN_NAME, cell (fields, n, positions[NB_LINKEDIN_FIRST]));
  set_field (record, NB_PERSON_FAMILY_NAME, cell (fields, n, positions[NB_LINKEDIN_LAST]));
  set_field (record, NB_PERSON_COMPANY, cell (fields, n, positions[NB_LINKEDIN_COMPANY]));
  set_field (record, NB_PERSON_ROLE, cell (fields, n, positions[NB_LINKEDIN_POSITION]));
  if (cell (fields, n, positions[NB_LINKEDIN_URL]) != NULL)
    add_line_value (record, NB_PERSON_URLS, cell (fields, n, positions[NB_LINKEDIN_URL]));
  if (cell (fields, n, positions[NB_LINKEDIN_EMAIL]) != NULL)
    add_line_value (record, NB_PERSON_EMAILS, cell (fields, n, positions[NB_LINKEDIN_EMAIL]));

  connected = cell (fields, n, positions[NB_LINKEDIN_CONNECTED]);
  record->connected_on = _nb_import_parse_date (connected);
  if (record->connected_on != NULL)
    set_field (record, NB_PERSON_MET_DATE, record->connected_on);

  finish_record (record, FALSE);
  return g_steal_pointer (&record);
}

static GPtrArray *
read_linkedin (GBytes                *data,
               NbImportProgressFunc   progress,
               gpointer               progress_data,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autoptr(GBytes) text = _nb_import_csv_text (data);
  g_autoptr(NbCsvReader) reader = nb_csv_reader_new (text, ',');
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) _nb_import_record_free);
  g_autoptr(GError) local_error = NULL;
  int positions[NB_LINKEDIN_N_COLUMNS];
  GStrv fields;
  guint line = 0;

  if (!_nb_import_find_linkedin_header (reader, positions, NULL, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("This is not LinkedIn’s Connections.csv: it has no header with “First Name”, “Last Name” and “Connected On”."));
      return NULL;
    }

  while ((fields = nb_csv_reader_next (reader, &line, &local_error)) != NULL)
    {
      if (row_is_empty ((const char * const *) fields))
        {
          g_strfreev (fields);
          continue;
        }

      g_ptr_array_add (records, record_from_linkedin (reader, (const char * const *) fields,
                                                      line, positions));
      g_strfreev (fields);

      if (check_cancelled (records, cancellable, error))
        return NULL;
      if (records->len % PROGRESS_EVERY == 0)
        _nb_import_report_progress (progress, progress_data,
                                    fraction (nb_csv_reader_get_position (reader),
                                              nb_csv_reader_get_size (reader)),
                                    _("Reading line %'u…"), line);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* ---- CSV ----------------------------------------------------------------- */

static void
apply_column (NbImportRecord       *record,
              const NbImportColumn *column,
              const char           *value)
{
  switch (column->kind)
    {
    case NB_IMPORT_COLUMN_FIELD:
      if ((int) column->field < 0 || column->field >= NB_PERSON_N_FIELDS)
        return;
      if (is_multi_valued (column->field))
        {
          g_auto(GStrv) values = split_cell (value, FALSE);

          for (guint i = 0; values[i] != NULL; i++)
            add_line_value (record, column->field, values[i]);
        }
      else
        {
          set_field (record, column->field, value);
        }
      break;

    case NB_IMPORT_COLUMN_TAGS:
      {
        g_auto(GStrv) tags = split_cell (value, TRUE);

        for (guint i = 0; tags[i] != NULL; i++)
          add_tag (record, tags[i]);
      }
      break;

    case NB_IMPORT_COLUMN_NOTES:
      add_note (record, value);
      break;

    case NB_IMPORT_COLUMN_IGNORE:
    default:
      break;
    }
}

static gboolean
maps_a_name (const NbImportColumn *columns,
             guint                 n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      if (columns[i].kind == NB_IMPORT_COLUMN_FIELD &&
          (columns[i].field == NB_PERSON_DISPLAY_NAME || columns[i].field == NB_PERSON_GIVEN_NAME ||
           columns[i].field == NB_PERSON_FAMILY_NAME || columns[i].field == NB_PERSON_COMPANY))
        return TRUE;
    }

  return FALSE;
}

static NbImportRecord *
record_from_row (NbCsvReader          *reader,
                 const char * const   *fields,
                 guint                 line,
                 const NbImportColumn *columns,
                 guint                 n_columns,
                 guint                 n_headers)
{
  g_autoptr(NbImportRecord) record = _nb_import_record_new (NB_IMPORT_PLACE_LINE, line);
  guint n = g_strv_length ((char **) fields);

  if (!check_row (reader, fields, record))
    return g_steal_pointer (&record);

  for (guint i = 0; i < MIN (n, n_columns); i++)
    apply_column (record, &columns[i], nb_csv_cell_unguard (fields[i]));

  finish_record (record, TRUE);

  if (n != n_headers || nb_csv_reader_had_too_many (reader))
    {
      g_autofree char *warning = NULL;

      /* Translators: a ragged CSV row; the numbers are counts of fields */
      warning = g_strdup_printf (_("It has %u fields where the header has %u: check that its columns are right."),
                                 n, n_headers);
      warn_record (record, warning);
    }

  return g_steal_pointer (&record);
}

static GPtrArray *
read_csv (GBytes                *data,
          const NbImportColumn  *columns,
          guint                  n_columns,
          NbImportProgressFunc   progress,
          gpointer               progress_data,
          GCancellable          *cancellable,
          GError               **error)
{
  g_autoptr(GBytes) text = _nb_import_csv_text (data);
  g_autoptr(NbCsvReader) reader = nb_csv_reader_new (text, 0);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) _nb_import_record_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree NbImportColumn *guessed = NULL;
  g_auto(GStrv) headers = NULL;
  guint n_headers;
  GStrv fields;
  guint line = 0;

  headers = nb_csv_reader_next (reader, &line, &local_error);
  if (headers == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The file is empty: it has no header row."));
      return NULL;
    }
  n_headers = g_strv_length (headers);

  if (columns == NULL)
    columns = guessed = _nb_import_guess_columns ((const char * const *) headers, &n_columns);

  if (!maps_a_name (columns, n_columns))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("No column of this CSV file holds names (such as “Name”, “First Name” or “Company”)."));
      return NULL;
    }

  while ((fields = nb_csv_reader_next (reader, &line, &local_error)) != NULL)
    {
      if (row_is_empty ((const char * const *) fields))
        {
          g_strfreev (fields);
          continue;
        }

      g_ptr_array_add (records, record_from_row (reader, (const char * const *) fields, line,
                                                 columns, n_columns, n_headers));
      g_strfreev (fields);

      if (check_cancelled (records, cancellable, error))
        return NULL;
      if (records->len % PROGRESS_EVERY == 0)
        _nb_import_report_progress (progress, progress_data,
                                    fraction (nb_csv_reader_get_position (reader),
                                              nb_csv_reader_get_size (reader)),
                                    _("Reading line %'u…"), line);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&records);
}

GPtrArray *
_nb_import_read (GBytes                *data,
                 NbImportFormat         format,
                 const NbImportColumn  *columns,
                 guint                  n_columns,
                 NbImportProgressFunc   progress,
                 gpointer               progress_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case NB_IMPORT_FORMAT_VCARD:
      return read_vcards (data, progress, progress_data, cancellable, error);

    case NB_IMPORT_FORMAT_LINKEDIN:
      return read_linkedin (data, progress, progress_data, cancellable, error);

    case NB_IMPORT_FORMAT_CSV:
      return read_csv (data, columns, n_columns, progress, progress_data, cancellable, error);

    case NB_IMPORT_FORMAT_AUTO:
    case NB_IMPORT_FORMAT_JSON:
    default:
      g_return_val_if_reached (NULL);
    }
}
