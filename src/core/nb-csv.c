/* nb-csv.c: reading comma-separated values.
 *
 * One pass over the bytes; unquoted runs are copied a span at a time,
 * so that a large file costs little more than reading it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "nb-csv.h"

struct _NbCsvReader
{
  GBytes     *data;
  const char *buf;
  gsize       size;
  gsize       pos;
  guint       line;       /* the line at pos */
  char        delimiter;
  GString    *field;
  gboolean    had_nul;
  gboolean    had_too_many;
};

char
nb_csv_guess_delimiter (const char *data,
                        gsize       length)
{
  const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  g_return_val_if_fail (data != NULL || length == 0, ',');

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        {
          for (guint j = 0; j < G_N_ELEMENTS (candidates); j++)
            counts[j] += c == candidates[j];
        }
    }

  for (guint j = 0; j < G_N_ELEMENTS (candidates); j++)
    {
      if (counts[j] > best_count)
        {
          best = candidates[j];
          best_count = counts[j];
        }
    }

  return best;
}

NbCsvReader *
nb_csv_reader_new (GBytes *data,
                   char    delimiter)
{
  NbCsvReader *self;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';' ||
                        delimiter == '\t', NULL);

  self = g_new0 (NbCsvReader, 1);
  self->data = g_bytes_ref (data);
  self->buf = g_bytes_get_data (data, &self->size);
  self->line = 1;
  self->field = g_string_sized_new (64);
  self->delimiter = delimiter != 0 ? delimiter : nb_csv_guess_delimiter (self->buf, self->size);

  return self;
}

void
nb_csv_reader_free (NbCsvReader *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->data);
  g_string_free (self->field, TRUE);
  g_free (self);
}

char
nb_csv_reader_get_delimiter (NbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->delimiter;
}

gboolean
nb_csv_reader_had_nul (NbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->had_nul;
}

gboolean
nb_csv_reader_had_too_many (NbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->had_too_many;
}

gsize
nb_csv_reader_get_position (NbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pos;
}

gsize
nb_csv_reader_get_size (NbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}

/* Consumes the line break at pos (CRLF, LF or CR), if any. */
static gboolean
skip_newline (NbCsvReader *self)
{
  if (self->pos < self->size && self->buf[self->pos] == '\r')
    {
      self->pos++;
      if (self->pos < self->size && self->buf[self->pos] == '\n')
        self->pos++;
      self->line++;
      return TRUE;
    }

  if (self->pos < self->size && self->buf[self->pos] == '\n')
    {
      self->pos++;
      self->line++;
      return TRUE;
    }

  return FALSE;
}

static void
end_field (NbCsvReader *self,
           GPtrArray   *fields)
{
  if (memchr (self->field->str, '\0', self->field->len) != NULL)
    self->had_nul = TRUE;

  if (fields->len < NB_CSV_MAX_FIELDS)
    g_ptr_array_add (fields, g_strndup (self->field->str, self->field->len));
  else
    self->had_too_many = TRUE;

  g_string_truncate (self->field, 0);
}

/* Reads a quoted field's content, pos just after its opening quote.
 * FALSE if the file ends first. */
static gboolean
read_quoted (NbCsvReader *self)
{
  for (;;)
    {
      gsize start = self->pos;

      while (self->pos < self->size && self->buf[self->pos] != '"' &&
             self->buf[self->pos] != '\r' && self->buf[self->pos] != '\n')
        self->pos++;
      g_string_append_len (self->field, self->buf + start, (gssize) (self->pos - start));

      if (self->pos >= self->size)
        return FALSE;

      if (self->buf[self->pos] == '"')
        {
          self->pos++;
          if (self->pos < self->size && self->buf[self->pos] == '"')
            {
              g_string_append_c (self->field, '"');
              self->pos++;
              continue;
            }
          return TRUE;
        }

      /* A line break inside the quotes is part of the field, as LF. */
      skip_newline (self);
      g_string_append_c (self->field, '\n');
    }
}

GStrv
nb_csv_reader_next (NbCsvReader  *self,
                    guint        *out_line,
                    GError      **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  guint line;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->had_nul = FALSE;
  self->had_too_many = FALSE;

  /* Blank lines are no records. */
  while (skip_newline (self))
    ;

  if (self->pos >= self->size)
    return NULL;

  line = self->line;
  fields = g_ptr_array_new_with_free_func (g_free);
  g_string_truncate (self->field, 0);

  for (;;)
    {
      gsize start;
      char c;

      if (self->pos < self->size && self->buf[self->pos] == '"')
        {
          self->pos++;
          if (!read_quoted (self))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Line %u: a quoted field is never closed, so the rest of the file cannot be read."),
                           line);
              return NULL;
            }
        }

      /* Unquoted text, or what follows a closing quote. */
      start = self->pos;
      while (self->pos < self->size)
        {
          c = self->buf[self->pos];
          if (c == self->delimiter || c == '\r' || c == '\n')
            break;
          self->pos++;
        }
      g_string_append_len (self->field, self->buf + start, (gssize) (self->pos - start));

      end_field (self, fields);

      if (self->pos >= self->size)
        break;

      if (self->buf[self->pos] == self->delimiter)
        {
          self->pos++;
          continue;
        }

      skip_newline (self);
      break;
    }

  if (out_line != NULL)
    *out_line = line;

  g_ptr_array_add (fields, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
}

/* Whether a spreadsheet would run @cell as a formula. Phone numbers
 * (one per line) and negative numbers are left alone. */
static gboolean
looks_like_formula (const char *cell)
{
  switch (*cell)
    {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return TRUE;

    case '+':
    case '-':
      for (const char *p = cell + 1; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p) && strchr (" \n().-/", *p) == NULL)
            return TRUE;
        }
      return FALSE;

    default:
      return FALSE;
    }
}

gboolean
nb_csv_cell_needs_guard (const char *cell)
{
  g_return_val_if_fail (cell != NULL, FALSE);

  if (cell[0] == '\'')
    return cell[1] == '\'' || looks_like_formula (cell + 1);

  return looks_like_formula (cell);
}

const char *
nb_csv_cell_unguard (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell[0] == '\'' && nb_csv_cell_needs_guard (cell + 1))
    return cell + 1;

  return cell;
}
