/* nb-import-detect.c: recognising formats, CSV columns and dates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "nb-csv.h"
#include "nb-date.h"
#include "nb-import-private.h"
#include "nb-text.h"

/* How far into a file a BEGIN:VCARD line is looked for. */
#define VCARD_SNIFF_SIZE (64 * 1024)
/* How many records before LinkedIn's header may be its notes. */
#define LINKEDIN_MAX_PREAMBLE 64

/* As they appear in Connections.csv, in NbLinkedInColumn order. */
static const char * const linkedin_headers[NB_LINKEDIN_N_COLUMNS] = {
  "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
};

typedef struct {
  const char         *squashed;  /* lower case letters only */
  NbImportColumnKind  kind;
  NbPersonField       field;
} ColumnGuess;

#define FIELD(name, f) { name, NB_IMPORT_COLUMN_FIELD, f }

static const ColumnGuess column_guesses[] = {
  FIELD ("name", NB_PERSON_DISPLAY_NAME),
  FIELD ("fullname", NB_PERSON_DISPLAY_NAME),
  FIELD ("displayname", NB_PERSON_DISPLAY_NAME),
  FIELD ("contactname", NB_PERSON_DISPLAY_NAME),
  FIELD ("fn", NB_PERSON_DISPLAY_NAME),
  FIELD ("firstname", NB_PERSON_GIVEN_NAME),
  FIELD ("givenname", NB_PERSON_GIVEN_NAME),
  FIELD ("forename", NB_PERSON_GIVEN_NAME),
  FIELD ("first", NB_PERSON_GIVEN_NAME),
  FIELD ("lastname", NB_PERSON_FAMILY_NAME),
  FIELD ("familyname", NB_PERSON_FAMILY_NAME),
  FIELD ("surname", NB_PERSON_FAMILY_NAME),
  FIELD ("last", NB_PERSON_FAMILY_NAME),
  FIELD ("company", NB_PERSON_COMPANY),
  FIELD ("companyname", NB_PERSON_COMPANY),
  FIELD ("organization", NB_PERSON_COMPANY),
  FIELD ("organisation", NB_PERSON_COMPANY),
  FIELD ("organizationname", NB_PERSON_COMPANY),
  FIELD ("organisationname", NB_PERSON_COMPANY),
  FIELD ("org", NB_PERSON_COMPANY),
  FIELD ("employer", NB_PERSON_COMPANY),
  FIELD ("jobtitle", NB_PERSON_ROLE),
  FIELD ("organizationtitle", NB_PERSON_ROLE),
  FIELD ("organisationtitle", NB_PERSON_ROLE),
  FIELD ("position", NB_PERSON_ROLE),
  FIELD ("role", NB_PERSON_ROLE),
  FIELD ("occupation", NB_PERSON_ROLE),
  FIELD ("profession", NB_PERSON_ROLE),
  FIELD ("title", NB_PERSON_ROLE),
  FIELD ("industry", NB_PERSON_INDUSTRY),
  FIELD ("sector", NB_PERSON_INDUSTRY),
  FIELD ("location", NB_PERSON_LOCATION),
  FIELD ("city", NB_PERSON_LOCATION),
  FIELD ("addresscity", NB_PERSON_LOCATION),
  FIELD ("businesscity", NB_PERSON_LOCATION),
  FIELD ("homecity", NB_PERSON_LOCATION),
  FIELD ("email", NB_PERSON_EMAILS),
  FIELD ("emails", NB_PERSON_EMAILS),
  FIELD ("emailaddress", NB_PERSON_EMAILS),
  FIELD ("emailvalue", NB_PERSON_EMAILS),
  FIELD ("primaryemail", NB_PERSON_EMAILS),
  FIELD ("workemail", NB_PERSON_EMAILS),
  FIELD ("homeemail", NB_PERSON_EMAILS),
  FIELD ("businessemail", NB_PERSON_EMAILS),
  FIELD ("personalemail", NB_PERSON_EMAILS),
  FIELD ("mail", NB_PERSON_EMAILS),
  FIELD ("phone", NB_PERSON_PHONES),
  FIELD ("phones", NB_PERSON_PHONES),
  FIELD ("phonevalue", NB_PERSON_PHONES),
  FIELD ("phonenumber", NB_PERSON_PHONES),
  FIELD ("telephone", NB_PERSON_PHONES),
  FIELD ("tel", NB_PERSON_PHONES),
  FIELD ("mobile", NB_PERSON_PHONES),
  FIELD ("mobilephone", NB_PERSON_PHONES),
  FIELD ("cell", NB_PERSON_PHONES),
  FIELD ("cellphone", NB_PERSON_PHONES),
  FIELD ("businessphone", NB_PERSON_PHONES),
  FIELD ("homephone", NB_PERSON_PHONES),
  FIELD ("workphone", NB_PERSON_PHONES),
  FIELD ("primaryphone", NB_PERSON_PHONES),
  FIELD ("url", NB_PERSON_URLS),
  FIELD ("urls", NB_PERSON_URLS),
  FIELD ("website", NB_PERSON_URLS),
  FIELD ("websites", NB_PERSON_URLS),
  FIELD ("websitevalue", NB_PERSON_URLS),
  FIELD ("webpage", NB_PERSON_URLS),
  FIELD ("homepage", NB_PERSON_URLS),
  FIELD ("linkedin", NB_PERSON_URLS),
  FIELD ("linkedinurl", NB_PERSON_URLS),
  FIELD ("profileurl", NB_PERSON_URLS),
  FIELD ("met", NB_PERSON_MET_DATE),
  FIELD ("metdate", NB_PERSON_MET_DATE),
  FIELD ("meton", NB_PERSON_MET_DATE),
  FIELD ("connectedon", NB_PERSON_MET_DATE),
  FIELD ("metwhere", NB_PERSON_MET_WHERE),
  FIELD ("wherewemet", NB_PERSON_MET_WHERE),
  FIELD ("howwemet", NB_PERSON_MET_WHERE),
  FIELD ("birthday", NB_PERSON_BIRTHDAY),
  FIELD ("birthdate", NB_PERSON_BIRTHDAY),
  FIELD ("dateofbirth", NB_PERSON_BIRTHDAY),
  FIELD ("dob", NB_PERSON_BIRTHDAY),
  { "notes", NB_IMPORT_COLUMN_NOTES, 0 },
  { "note", NB_IMPORT_COLUMN_NOTES, 0 },
  { "comments", NB_IMPORT_COLUMN_NOTES, 0 },
  { "comment", NB_IMPORT_COLUMN_NOTES, 0 },
  { "description", NB_IMPORT_COLUMN_NOTES, 0 },
  { "tags", NB_IMPORT_COLUMN_TAGS, 0 },
  { "tag", NB_IMPORT_COLUMN_TAGS, 0 },
  { "labels", NB_IMPORT_COLUMN_TAGS, 0 },
  { "groupmembership", NB_IMPORT_COLUMN_TAGS, 0 },
  { "groups", NB_IMPORT_COLUMN_TAGS, 0 },
  { "categories", NB_IMPORT_COLUMN_TAGS, 0 },
  { "category", NB_IMPORT_COLUMN_TAGS, 0 },
};

#undef FIELD

/* ---- dates ---------------------------------------------------------------- */

static guint
parse_month_name (const char *word)
{
  const char *months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                           "jul", "aug", "sep", "oct", "nov", "dec" };

  if (strlen (word) < 3)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      if (g_ascii_strncasecmp (word, months[i], 3) == 0)
        return i + 1;
    }

  return 0;
}

static gboolean
parse_number (const char *word,
              guint       min_digits,
              guint       max_digits,
              guint      *out)
{
  guint64 value;
  gsize len = strlen (word);

  if (len < min_digits || len > max_digits ||
      !g_ascii_string_to_unsigned (word, 10, 0, 9999, &value, NULL))
    return FALSE;

  *out = (guint) value;
  return TRUE;
}

char *
_nb_import_parse_date (const char *text)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *iso = NULL;
  guint year = 0, month = 0, day = 0;
  guint n;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));

  /* 2023-11-05, 2023-11-05T10:00:00Z, 2023-11-05 10:00 */
  if (strlen (copy) >= 10 && copy[4] == '-' && copy[7] == '-' &&
      (copy[10] == '\0' || copy[10] == 'T' || copy[10] == ' '))
    {
      iso = g_strndup (copy, 10);
      return nb_date_is_valid_iso (iso) ? g_steal_pointer (&iso) : NULL;
    }

  /* 20231105 */
  if (strlen (copy) == 8 && strspn (copy, "0123456789") == 8)
    {
      iso = g_strdup_printf ("%.4s-%.2s-%.2s", copy, copy + 4, copy + 6);
      return nb_date_is_valid_iso (iso) ? g_steal_pointer (&iso) : NULL;
    }

  /* 05 Nov 2023, 5-Nov-2023, Nov 5, 2023, November 5 2023, 2023/11/05 */
  words = g_strsplit_set (copy, " -/,.", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    }
  g_strfreev (words);
  words = g_strv_builder_end (builder);
  n = g_strv_length (words);
  if (n != 3)
    return NULL;

  if (parse_number (words[0], 1, 2, &day) && (month = parse_month_name (words[1])) != 0 &&
      parse_number (words[2], 4, 4, &year))
    ;
  else if ((month = parse_month_name (words[0])) != 0 && parse_number (words[1], 1, 2, &day) &&
           parse_number (words[2], 4, 4, &year))
    ;
  else if (parse_number (words[0], 4, 4, &year) && parse_number (words[1], 1, 2, &month) &&
           parse_number (words[2], 1, 2, &day))
    ;
  else
    return NULL;

  iso = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  return nb_date_is_valid_iso (iso) ? g_steal_pointer (&iso) : NULL;
}

/* ---- columns -------------------------------------------------------------- */

/* "E-mail 1 - Value" → "emailvalue". */
static char *
squash_header (const char *header)
{
  GString *out = g_string_new (NULL);

  for (const char *p = header; *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
    }

  return g_string_free (out, FALSE);
}

NbImportColumn
nb_import_guess_column (const char *header)
{
  NbImportColumn column = { NB_IMPORT_COLUMN_IGNORE, 0 };
  g_autofree char *squashed = NULL;
  g_autofree char *key = NULL;
  g_autofree char *folded = NULL;
  NbPersonField field;

  g_return_val_if_fail (header != NULL, column);

  squashed = squash_header (header);
  for (guint i = 0; i < G_N_ELEMENTS (column_guesses); i++)
    {
      if (g_str_equal (squashed, column_guesses[i].squashed))
        {
          column.kind = column_guesses[i].kind;
          column.field = column_guesses[i].field;
          return column;
        }
    }

  /* Netbook's own names: the field keys ("target_market") and labels. */
  key = g_strstrip (g_ascii_strdown (header, -1));
  if (nb_person_field_from_key (key, &field))
    {
      column.kind = NB_IMPORT_COLUMN_FIELD;
      column.field = field;
      return column;
    }

  if (!g_utf8_validate (header, -1, NULL))
    return column;

  folded = g_utf8_casefold (header, -1);
  g_strstrip (folded);
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    {
      g_autofree char *label = g_utf8_casefold (nb_person_field_get_label ((NbPersonField) i), -1);

      if (g_str_equal (folded, label))
        {
          column.kind = NB_IMPORT_COLUMN_FIELD;
          column.field = (NbPersonField) i;
          return column;
        }
    }

  return column;
}

/* Guesses for a whole header row. Outlook's "Title" is "Mr." or "Dr.",
 * its "Job Title" the role: a plain "Title" is only the role when no
 * other column is. */
NbImportColumn *
_nb_import_guess_columns (const char * const *headers,
                          guint              *n_columns)
{
  guint n = g_strv_length ((char **) headers);
  NbImportColumn *columns = g_new0 (NbImportColumn, MAX (n, 1));
  gboolean other_role = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *squashed = squash_header (headers[i]);

      columns[i] = nb_import_guess_column (headers[i]);
      if (columns[i].kind == NB_IMPORT_COLUMN_FIELD && columns[i].field == NB_PERSON_ROLE &&
          !g_str_equal (squashed, "title"))
        other_role = TRUE;
    }

  for (guint i = 0; i < n && other_role; i++)
    {
      g_autofree char *squashed = squash_header (headers[i]);

      if (g_str_equal (squashed, "title"))
        columns[i].kind = NB_IMPORT_COLUMN_IGNORE;
    }

  *n_columns = n;
  return columns;
}

/* ---- formats -------------------------------------------------------------- */

gboolean
_nb_import_find_linkedin_header (NbCsvReader *reader,
                                 int          positions[NB_LINKEDIN_N_COLUMNS],
                                 guint       *out_line,
                                 GError     **error)
{
  for (guint n = 0; n < LINKEDIN_MAX_PREAMBLE; n++)
    {
      g_auto(GStrv) fields = NULL;
      guint line = 0;

      fields = nb_csv_reader_next (reader, &line, error);
      if (fields == NULL)
        return FALSE;

      for (guint c = 0; c < NB_LINKEDIN_N_COLUMNS; c++)
        positions[c] = -1;

      for (guint i = 0; fields[i] != NULL && i < G_MAXINT; i++)
        {
          g_autofree char *field = g_strstrip (g_strdup (fields[i]));

          for (guint c = 0; c < NB_LINKEDIN_N_COLUMNS; c++)
            {
              if (positions[c] < 0 && g_ascii_strcasecmp (field, linkedin_headers[c]) == 0)
                positions[c] = (int) i;
            }
        }

      if (positions[NB_LINKEDIN_FIRST] >= 0 && positions[NB_LINKEDIN_LAST] >= 0 &&
          positions[NB_LINKEDIN_CONNECTED] >= 0)
        {
          if (out_line != NULL)
            *out_line = line;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
has_vcard_line (const char *buf,
                gsize       size)
{
  const char *end = buf + MIN (size, VCARD_SNIFF_SIZE);
  const char *p = buf;

  while (p < end)
    {
      const char *eol;

      while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
      if ((gsize) (end - p) >= 11 && g_ascii_strncasecmp (p, "BEGIN:VCARD", 11) == 0)
        return TRUE;

      eol = p;
      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      p = eol;
    }

  return FALSE;
}

NbImportFormat
nb_import_detect_format (GBytes *data)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(NbCsvReader) reader = NULL;
  g_auto(GStrv) first = NULL;
  int positions[NB_LINKEDIN_N_COLUMNS];
  const char *buf;
  gsize size;
  gsize i = 0;

  g_return_val_if_fail (data != NULL, NB_IMPORT_FORMAT_AUTO);

  text = nb_text_to_utf8 (data);
  buf = g_bytes_get_data (text, &size);

  while (i < size && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
    i++;
  if (i == size)
    return NB_IMPORT_FORMAT_AUTO;

  if (buf[i] == '{')
    return NB_IMPORT_FORMAT_JSON;

  /* A vCard file starts with its first card. */
  if (size - i >= 11 && g_ascii_strncasecmp (buf + i, "BEGIN:VCARD", 11) == 0)
    return NB_IMPORT_FORMAT_VCARD;

  /* A NUL byte in the first line is no text: an image, an archive… (A
   * stray one further on is a damaged row, skipped with its reason.) */
  for (gsize j = i; j < size && buf[j] != '\n' && buf[j] != '\r'; j++)
    {
      if (buf[j] == '\0')
        return NB_IMPORT_FORMAT_AUTO;
    }

  reader = nb_csv_reader_new (text, ',');
  if (_nb_import_find_linkedin_header (reader, positions, NULL, NULL))
    return NB_IMPORT_FORMAT_LINKEDIN;

  g_clear_pointer (&reader, nb_csv_reader_free);
  reader = nb_csv_reader_new (text, 0);
  first = nb_csv_reader_next (reader, NULL, NULL);
  if (first != NULL && g_strv_length (first) >= 2)
    return NB_IMPORT_FORMAT_CSV;

  /* Cards after a line or two of something else (a title, a comment):
   * a CSV header row, even one of a person named "BEGIN:VCARD…", was
   * recognised above. */
  if (has_vcard_line (buf, size))
    return NB_IMPORT_FORMAT_VCARD;

  return NB_IMPORT_FORMAT_AUTO;
}

GStrv
nb_import_read_csv_headers (GBytes  *data,
                            GError **error)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(NbCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  GStrv headers;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = _nb_import_csv_text (data);
  reader = nb_csv_reader_new (text, 0);
  headers = nb_csv_reader_next (reader, NULL, &local_error);
  if (headers == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The file is empty: it has no header row."));
      return NULL;
    }

  for (guint i = 0; headers[i] != NULL; i++)
    {
      if (!g_utf8_validate (headers[i], -1, NULL))
        {
          char *valid = g_utf8_make_valid (headers[i], -1);

          g_free (headers[i]);
          headers[i] = valid;
        }
    }

  return headers;
}
