/* nb-vcard.c: reading vCard files (2.1, 3.0, 4.0) one card at a time.
 *
 * The parser walks physical lines (CRLF, LF or CR), joins them into one
 * logical line in a buffer it reuses (folding, QUOTED-PRINTABLE soft
 * breaks, vCard 2.1 BASE64 continuation lines), splits the line in place
 * into group, name, parameters and value, and decodes only the
 * properties Netbook keeps. X- properties and others are never decoded,
 * so that garbage in them cannot cost a card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-vcard-private.h"

struct _NbVCardParser
{
  GBytes      *data;
  const char  *buf;
  gsize        size;
  gsize        pos;           /* start of the next physical line */
  guint        line;          /* number of the next physical line */
  guint        n_cards;
  GString     *logical;
  /* A BEGIN:VCARD met inside a card starts the next one. */
  gboolean     pending_begin;
  guint        pending_line;
};

/* ---- cards ------------------------------------------------------------ */

static NbVCard *
card_new (guint number,
          guint line)
{
  NbVCard *card = g_new0 (NbVCard, 1);

  card->number = number;
  card->line = line;
  card->version = g_strdup ("");
  card->bday = g_strdup ("");
  card->org_units = g_new0 (char *, 1);
  card->emails = g_ptr_array_new_with_free_func (g_free);
  card->phones = g_ptr_array_new_with_free_func (g_free);
  card->urls = g_ptr_array_new_with_free_func (g_free);
  card->categories = g_ptr_array_new_with_free_func (g_free);

  return card;
}

void
nb_vcard_free (NbVCard *card)
{
  if (card == NULL)
    return;

  g_free (card->version);
  g_free (card->skip_reason);
  g_free (card->fn);
  g_free (card->family_name);
  g_free (card->given_name);
  g_free (card->additional_names);
  g_free (card->prefixes);
  g_free (card->suffixes);
  g_free (card->org);
  g_strfreev (card->org_units);
  g_free (card->title);
  g_free (card->role);
  g_free (card->note);
  g_free (card->bday);
  g_free (card->location);
  g_ptr_array_unref (card->emails);
  g_ptr_array_unref (card->phones);
  g_ptr_array_unref (card->urls);
  g_ptr_array_unref (card->categories);
  g_clear_pointer (&card->photo, g_bytes_unref);
  g_free (card->photo_problem);
  g_free (card);
}

void
_nb_vcard_set_skip_reason (NbVCard    *card,
                           const char *reason)
{
  /* The first problem is the one to report. */
  if (card->skip_reason == NULL)
    card->skip_reason = g_strdup (reason);
}

gboolean
_nb_vcard_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

char *
nb_vcard_dup_name (const NbVCard *card)
{
  GString *name;
  const char *parts[3];

  g_return_val_if_fail (card != NULL, NULL);

  if (!_nb_vcard_is_blank (card->fn))
    return g_strstrip (g_strdup (card->fn));

  /* Prefixes and suffixes ("Dr.", "Jr.") stay out: the name is also
   * what people are matched by. */
  parts[0] = card->given_name;
  parts[1] = card->additional_names;
  parts[2] = card->family_name;

  name = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (_nb_vcard_is_blank (parts[i]))
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, parts[i]);
    }

  return g_strstrip (g_string_free (name, FALSE));
}

/* ---- lines ------------------------------------------------------------ */

static gboolean
next_physical_line (NbVCardParser  *self,
                    const char    **out_line,
                    gsize          *out_len)
{
  const char *start;
  const char *end;
  const char *p;

  if (self->pos >= self->size)
    return FALSE;

  start = self->buf + self->pos;
  end = self->buf + self->size;
  for (p = start; p < end && *p != '\n' && *p != '\r'; p++)
    ;

  *out_line = start;
  *out_len = (gsize) (p - start);

  if (p < end && *p == '\r')
    {
      p++;
      if (p < end && *p == '\n')
        p++;
    }
  else if (p < end && *p == '\n')
    {
      p++;
    }

  self->pos = (gsize) (p - self->buf);
  self->line++;
  return TRUE;
}

static gboolean
has_prefix_nocase (const char *text,
                   gsize       len,
                   const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && g_ascii_strncasecmp (text, prefix, n) == 0;
}

/* The next physical line, without consuming it. */
static gboolean
peek_line (NbVCardParser  *self,
           const char    **out_line,
           gsize          *out_len)
{
  gsize pos = self->pos;
  guint line = self->line;
  gboolean ok = next_physical_line (self, out_line, out_len);

  self->pos = pos;
  self->line = line;
  return ok;
}

static gboolean
is_card_boundary (const char *line,
                  gsize       len)
{
  return has_prefix_nocase (line, len, "END:VCARD") ||
         has_prefix_nocase (line, len, "BEGIN:VCARD");
}

static gboolean
is_base64_line (const char *line,
                gsize       len)
{
  gboolean any = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = line[i];

      if (g_ascii_isalnum (c) || c == '+' || c == '/' || c == '=')
        any = TRUE;
      else if (c != ' ' && c != '\t')
        return FALSE;
    }

  return any;
}

/* Whether the parameters (before the first colon) of @line name
 * @what, case-insensitively. */
static gboolean
header_mentions (const char *line,
                 gsize       len,
                 const char *what)
{
  const char *colon = memchr (line, ':', len);
  gsize n = strlen (what);
  gsize header_len = colon != NULL ? (gsize) (colon - line) : len;

  for (gsize i = 0; i + n <= header_len; i++)
    {
      if (g_ascii_strncasecmp (line + i, what, n) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
append_capped (NbVCardParser *self,
               const char    *text,
               gsize          len,
               gboolean      *too_long)
{
  if (*too_long || self->logical->len + len > NB_VCARD_MAX_LINE)
    {
      *too_long = TRUE;
      return;
    }

  g_string_append_len (self->logical, text, (gssize) len);
}

/* Reads the next logical line into self->logical. */
static gboolean
read_logical_line (NbVCardParser *self,
                   guint         *out_line,
                   gboolean      *out_too_long)
{
  const char *line;
  gsize len;
  gboolean qp;
  gboolean base64;

  *out_too_long = FALSE;
  if (!next_physical_line (self, &line, &len))
    return FALSE;

  *out_line = self->line - 1;
  g_string_truncate (self->logical, 0);
  append_capped (self, line, len, out_too_long);

  qp = header_mentions (line, len, "QUOTED-PRINTABLE");
  base64 = header_mentions (line, len, "BASE64") || header_mentions (line, len, "ENCODING=B;") ||
           header_mentions (line, len, "ENCODING=B:");

  for (;;)
    {
      const char *next;
      gsize next_len;

      if (!peek_line (self, &next, &next_len))
        break;

      if (qp && self->logical->len > 0 && self->logical->str[self->logical->len - 1] == '=' &&
          !is_card_boundary (next, next_len))
        {
          /* A soft line break: the value goes on, the "=" goes. */
          g_string_truncate (self->logical, self->logical->len - 1);
          next_physical_line (self, &next, &next_len);
          append_capped (self, next, next_len, out_too_long);
        }
      else if (next_len > 0 && (next[0] == ' ' || next[0] == '\t'))
        {
          next_physical_line (self, &next, &next_len);
          append_capped (self, next + 1, next_len - 1, out_too_long);
        }
      else if (base64 && is_base64_line (next, next_len))
        {
          /* vCard 2.1 lets BASE64 lines go on unindented until a blank
           * line. */
          next_physical_line (self, &next, &next_len);
          append_capped (self, next, next_len, out_too_long);
        }
      else
        {
          break;
        }
    }

  return TRUE;
}

/* Splits self->logical in place. FALSE for a line that is no property. */
static gboolean
split_property (GString  *logical,
                NbVCardProperty *prop)
{
  char *p = logical->str;
  char *name = p;
  char *dot = NULL;
  char sep;

  memset (prop, 0, sizeof *prop);

  while (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.')
    {
      if (*p == '.')
        dot = p;
      p++;
    }

  if (p == name || (*p != ':' && *p != ';'))
    return FALSE;

  if (dot != NULL)
    name = dot + 1;
  if (*name == '\0' || name == p)
    return FALSE;

  sep = *p;
  *p++ = '\0';
  prop->name = name;
  for (char *c = name; *c != '\0'; c++)
    *c = g_ascii_toupper (*c);

  while (sep == ';')
    {
      char *start = p;
      char *eq = NULL;
      gboolean quoted = FALSE;

      for (; *p != '\0'; p++)
        {
          if (*p == '"')
            quoted = !quoted;
          else if (!quoted && (*p == ';' || *p == ':'))
            break;
          else if (!quoted && *p == '=' && eq == NULL)
            eq = p;
        }

      if (*p == '\0')
        return FALSE;

      sep = *p;
      *p++ = '\0';

      if (prop->n_params < NB_VCARD_MAX_PARAMS && *start != '\0')
        {
          NbVCardParam *param = &prop->params[prop->n_params++];

          if (eq != NULL)
            {
              char *value = eq + 1;
              gsize n = strlen (value);

              *eq = '\0';
              for (char *c = start; *c != '\0'; c++)
                *c = g_ascii_toupper (*c);
              if (n >= 2 && value[0] == '"' && value[n - 1] == '"')
                {
                  value[n - 1] = '\0';
                  value++;
                }
              param->name = start;
              param->value = value;
            }
          else
            {
              param->name = NULL;
              param->value = start;
            }
        }
    }

  prop->value = p;
  prop->value_len = logical->len - (gsize) (p - logical->str);
  return TRUE;
}

static gboolean
value_is (const NbVCardProperty *prop,
          const char     *word)
{
  g_autofree char *value = g_strstrip (g_strndup (prop->value, MIN (prop->value_len, 64)));

  return g_ascii_strcasecmp (value, word) == 0;
}

/* ---- the parser --------------------------------------------------------- */

NbVCardParser *
nb_vcard_parser_new (GBytes *data)
{
  NbVCardParser *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_new0 (NbVCardParser, 1);
  self->data = g_bytes_ref (data);
  self->buf = g_bytes_get_data (data, &self->size);
  self->line = 1;
  self->logical = g_string_sized_new (256);

  return self;
}

void
nb_vcard_parser_free (NbVCardParser *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->data);
  g_string_free (self->logical, TRUE);
  g_free (self);
}

gsize
nb_vcard_parser_get_position (NbVCardParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pos;
}

gsize
nb_vcard_parser_get_size (NbVCardParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}

guint
nb_vcard_parser_get_n_cards (NbVCardParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_cards;
}

NbVCard *
nb_vcard_parser_next (NbVCardParser *self)
{
  g_autoptr(NbVCard) card = NULL;
  guint line = 0;
  gboolean too_long = FALSE;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->pending_begin)
    {
      self->pending_begin = FALSE;
      card = card_new (++self->n_cards, self->pending_line);
    }

  while (read_logical_line (self, &line, &too_long))
    {
      NbVCardProperty prop;

      if (!split_property (self->logical, &prop))
        continue;

      if (g_str_equal (prop.name, "BEGIN") && value_is (&prop, "VCARD"))
        {
          if (card != NULL)
            {
              self->pending_begin = TRUE;
              self->pending_line = line;
              _nb_vcard_set_skip_reason (card, _("It has no END:VCARD before the next BEGIN:VCARD."));
              return g_steal_pointer (&card);
            }

          card = card_new (++self->n_cards, line);
          continue;
        }

      if (card == NULL)
        continue;

      if (too_long)
        {
          _nb_vcard_set_skip_reason (card, _("One of its lines is longer than 16 MB."));
          continue;
        }

      if (g_str_equal (prop.name, "END") && value_is (&prop, "VCARD"))
        return g_steal_pointer (&card);

      _nb_vcard_handle_property (card, &prop);
    }

  if (card != NULL)
    _nb_vcard_set_skip_reason (card, _("The file ends before its END:VCARD."));

  return g_steal_pointer (&card);
}
