/* nb-vcard.c: reading vCard files (2.1, 3.0, 4.0) one card at a time.
 *
 * The parser walks physical lines (CRLF, LF or CR), joins them into one
 * logical line in a buffer it reuses (folding, QUOTED-PRINTABLE soft
 * breaks, vCard 2.1 BASE64 continuation lines), splits the line in place
 * into group, name, parameters and value, and decodes only the
 * properties Netbook keeps. X- properties and others are never decoded,
 * so that garbage in them cannot cost a card.
 *
 * Text: vCard 3.0 and 4.0 are UTF-8 by definition, so text that is not
 * skips its card. vCard 2.1 names its CHARSET; without one, text that is
 * not UTF-8 is read as Windows-1252, which is what Outlook and old
 * phones meant.
 *
 * Birthdays: Netbook stores whole dates, so a year-less BDAY ("--0415",
 * Apple's X-APPLE-OMIT-YEAR) leaves the birthday empty and is kept in
 * bday_month/bday_day; an impossible date ("0000-00-00") is ignored.
 *
 * Photos: BASE64 (ENCODING=b/BASE64) and data: URIs are decoded; a link
 * (VALUE=uri, http…) is ignored, never fetched: Netbook opens no network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-text.h"
#include "nb-vcard.h"

/* Parameters beyond this many on one property are ignored. */
#define MAX_PARAMS 32

typedef struct {
  char *name;   /* uppercased; NULL for a vCard 2.1 bare value ("WORK") */
  char *value;  /* unquoted */
} Param;

/* One logical line, split in place in the parser's buffer. */
typedef struct {
  char  *name;  /* uppercased, without its group */
  Param  params[MAX_PARAMS];
  guint  n_params;
  char  *value;
  gsize  value_len;
} Property;

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

static void
set_skip_reason (NbVCard    *card,
                 const char *reason)
{
  /* The first problem is the one to report. */
  if (card->skip_reason == NULL)
    card->skip_reason = g_strdup (reason);
}

static gboolean
is_empty (const char *text)
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

  if (!is_empty (card->fn))
    return g_strstrip (g_strdup (card->fn));

  /* Prefixes and suffixes ("Dr.", "Jr.") stay out: the name is also
   * what people are matched by. */
  parts[0] = card->given_name;
  parts[1] = card->additional_names;
  parts[2] = card->family_name;

  name = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (is_empty (parts[i]))
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
                Property *prop)
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

      if (prop->n_params < MAX_PARAMS && *start != '\0')
        {
          Param *param = &prop->params[prop->n_params++];

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

/* ---- parameters --------------------------------------------------------- */

static const char *
get_param (const Property *prop,
           const char     *name)
{
  for (guint i = 0; i < prop->n_params; i++)
    {
      if (prop->params[i].name != NULL && g_str_equal (prop->params[i].name, name))
        return prop->params[i].value;
    }

  return NULL;
}

/* Whether @word is one of the comma-separated words of @list. */
static gboolean
list_has_word (const char *list,
               const char *word)
{
  gsize n = strlen (word);
  const char *p = list;

  while (p != NULL && *p != '\0')
    {
      const char *comma = strchr (p, ',');
      gsize len = comma != NULL ? (gsize) (comma - p) : strlen (p);

      if (len == n && g_ascii_strncasecmp (p, word, n) == 0)
        return TRUE;
      p = comma != NULL ? comma + 1 : NULL;
    }

  return FALSE;
}

/* TYPE=…,WORD,… or a vCard 2.1 bare WORD. */
static gboolean
has_type (const Property *prop,
          const char     *word)
{
  for (guint i = 0; i < prop->n_params; i++)
    {
      const Param *param = &prop->params[i];

      if ((param->name == NULL || g_str_equal (param->name, "TYPE")) &&
          list_has_word (param->value, word))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_preferred (const Property *prop)
{
  return has_type (prop, "PREF") || get_param (prop, "PREF") != NULL;
}

typedef enum {
  ENCODING_NONE,
  ENCODING_QP,
  ENCODING_BASE64,
} Encoding;

static Encoding
get_encoding (const Property *prop)
{
  const char *encoding = get_param (prop, "ENCODING");

  if (encoding == NULL)
    {
      if (has_type (prop, "QUOTED-PRINTABLE"))
        return ENCODING_QP;
      if (has_type (prop, "BASE64"))
        return ENCODING_BASE64;
      return ENCODING_NONE;
    }

  if (g_ascii_strcasecmp (encoding, "QUOTED-PRINTABLE") == 0)
    return ENCODING_QP;
  if (g_ascii_strcasecmp (encoding, "BASE64") == 0 || g_ascii_strcasecmp (encoding, "B") == 0)
    return ENCODING_BASE64;
  return ENCODING_NONE;
}

/* ---- values ------------------------------------------------------------- */

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

static GString *
decode_quoted_printable (const char *value,
                         gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      int hi, lo;

      if (value[i] == '=' && i + 2 < len && (hi = hex_value (value[i + 1])) >= 0 &&
          (lo = hex_value (value[i + 2])) >= 0)
        {
          g_string_append_c (out, (char) (hi * 16 + lo));
          i += 2;
        }
      else if (value[i] == '=' && i + 1 == len)
        {
          /* A soft break at the very end. */
        }
      else
        {
          g_string_append_c (out, value[i]);
        }
    }

  return out;
}

static gboolean
is_utf8_charset (const char *charset)
{
  return g_ascii_strcasecmp (charset, "UTF-8") == 0 ||
         g_ascii_strcasecmp (charset, "UTF8") == 0 ||
         g_ascii_strcasecmp (charset, "US-ASCII") == 0 ||
         g_ascii_strcasecmp (charset, "ASCII") == 0;
}

static gboolean
is_windows_1252_charset (const char *charset)
{
  return g_ascii_strcasecmp (charset, "WINDOWS-1252") == 0 ||
         g_ascii_strcasecmp (charset, "CP1252") == 0 ||
         g_ascii_strcasecmp (charset, "ISO-8859-1") == 0 ||
         g_ascii_strcasecmp (charset, "ISO8859-1") == 0 ||
         g_ascii_strcasecmp (charset, "LATIN1") == 0;
}

/* The value of a text property as UTF-8, escapes still in it; NULL
 * (and the card's skip reason set) if it cannot be read. */
static char *
decode_text (NbVCard        *card,
             const Property *prop)
{
  g_autoptr(GString) bytes = NULL;
  const char *charset = get_param (prop, "CHARSET");

  switch (get_encoding (prop))
    {
    case ENCODING_QP:
      bytes = decode_quoted_printable (prop->value, prop->value_len);
      break;

    case ENCODING_BASE64:
      {
        gsize len = 0;
        g_autofree guchar *decoded = g_base64_decode (prop->value, &len);

        bytes = g_string_new_len ((const char *) decoded, (gssize) len);
      }
      break;

    case ENCODING_NONE:
    default:
      bytes = g_string_new_len (prop->value, (gssize) prop->value_len);
      break;
    }

  if (memchr (bytes->str, '\0', bytes->len) != NULL)
    {
      set_skip_reason (card, _("It contains a NUL byte, which is not text."));
      return NULL;
    }

  if (charset != NULL && !is_utf8_charset (charset))
    {
      g_autofree char *converted = NULL;

      if (is_windows_1252_charset (charset))
        converted = nb_text_from_windows_1252 (bytes->str, (gssize) bytes->len, NULL);
      else
        converted = g_convert (bytes->str, (gssize) bytes->len, "UTF-8", charset, NULL, NULL, NULL);

      if (converted == NULL || !g_utf8_validate (converted, -1, NULL))
        {
          g_autofree char *name = g_utf8_make_valid (charset, -1);
          g_autofree char *reason = NULL;

          /* Translators: %s is a character set name such as "Shift_JIS" */
          reason = g_strdup_printf (_("Its text in the character set %s cannot be read."), name);
          set_skip_reason (card, reason);
          return NULL;
        }

      return g_steal_pointer (&converted);
    }

  if (!g_utf8_validate_len (bytes->str, bytes->len, NULL))
    {
      if (charset == NULL && g_str_equal (card->version, "2.1"))
        return nb_text_from_windows_1252 (bytes->str, (gssize) bytes->len, NULL);

      set_skip_reason (card, _("It contains text that is not valid UTF-8."));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&bytes), FALSE);
}

/* Splits @text at unescaped @sep (0: do not split) and undoes the
 * backslash escapes of each part: \n \N \\ \, \; \: */
static GPtrArray *
split_unescape (const char *text,
                char        sep)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  GString *part = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          switch (*p)
            {
            case 'n':
            case 'N':
              g_string_append_c (part, '\n');
              break;
            case '\\':
            case ',':
            case ';':
            case ':':
              g_string_append_c (part, *p);
              break;
            default:
              g_string_append_c (part, '\\');
              g_string_append_c (part, *p);
              break;
            }
        }
      else if (sep != 0 && *p == sep)
        {
          g_ptr_array_add (parts, g_string_free (part, FALSE));
          part = g_string_new (NULL);
        }
      else
        {
          g_string_append_c (part, *p);
        }
    }

  g_ptr_array_add (parts, g_string_free (part, FALSE));
  return parts;
}

/* One line of text: control characters (line breaks too) become
 * spaces, and the ends are trimmed. Modifies @text. */
static char *
clean_line (char *text)
{
  for (char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7F)
        *p = ' ';
    }

  return g_strstrip (text);
}

/* Text that keeps its lines: CRLF and CR become LF, other control
 * characters but tab go. */
static char *
clean_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

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

static char *
part_or_empty (GPtrArray *parts,
               guint      i)
{
  return g_strdup (i < parts->len ? clean_line (g_ptr_array_index (parts, i)) : "");
}

static void
add_value (GPtrArray  *values,
           char       *value,
           gboolean    preferred)
{
  if (*value == '\0' || values->len >= NB_VCARD_MAX_VALUES)
    {
      g_free (value);
      return;
    }

  for (guint i = 0; i < values->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (values, i), value))
        {
          g_free (value);
          return;
        }
    }

  if (preferred)
    g_ptr_array_insert (values, 0, value);
  else
    g_ptr_array_add (values, value);
}

static void
set_once (char       **field,
          const char  *value)
{
  if (is_empty (*field) && !is_empty (value))
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* ---- properties --------------------------------------------------------- */

static gboolean
parse_month_day (const char *text,
                 guint      *month,
                 guint      *day)
{
  char digits[5];
  guint n = 0;
  guint m, d;

  for (const char *p = text; *p != '\0' && n < sizeof digits; p++)
    {
      if (g_ascii_isdigit (*p))
        digits[n++] = *p;
      else if (*p != '-')
        return FALSE;
    }

  if (n != 4)
    return FALSE;

  m = (guint) ((digits[0] - '0') * 10 + (digits[1] - '0'));
  d = (guint) ((digits[2] - '0') * 10 + (digits[3] - '0'));

  /* 2000 was a leap year: 29 February is a birthday. */
  if (m < 1 || m > 12 || d < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, 2000))
    return FALSE;

  *month = m;
  *day = d;
  return TRUE;
}

static void
parse_bday (NbVCard        *card,
            const Property *prop,
            const char     *value)
{
  g_autofree char *text = g_strstrip (g_strdup (value));
  g_autofree char *iso = NULL;
  char *t;
  gsize len;

  if (*card->bday != '\0' || card->bday_month != 0)
    return;

  t = strchr (text, 'T');
  if (t != NULL)
    *t = '\0';
  len = strlen (text);

  if (g_str_has_prefix (text, "--"))
    {
      parse_month_day (text + 2, &card->bday_month, &card->bday_day);
      return;
    }

  if (len == 8 && strspn (text, "0123456789") == 8)
    iso = g_strdup_printf ("%.4s-%.2s-%.2s", text, text + 4, text + 6);
  else if (len == 10)
    iso = g_strdup (text);
  else
    return;

  if (get_param (prop, "X-APPLE-OMIT-YEAR") != NULL)
    {
      parse_month_day (iso + 4, &card->bday_month, &card->bday_day);
      return;
    }

  if (nb_date_is_valid_iso (iso))
    {
      g_free (card->bday);
      card->bday = g_steal_pointer (&iso);
    }
}

static gboolean
looks_like_image (const guint8 *data,
                  gsize         len)
{
  return (len > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) ||  /* JPEG */
         (len > 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0) ||
         (len > 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0)) ||
         (len > 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0) ||
         (len > 2 && data[0] == 'B' && data[1] == 'M') ||
         (len > 4 && (memcmp (data, "II*\0", 4) == 0 || memcmp (data, "MM\0*", 4) == 0));
}

static void
handle_photo (NbVCard        *card,
              const Property *prop)
{
  const char *data = NULL;
  g_autofree guchar *decoded = NULL;
  gsize len = 0;

  if (card->photo != NULL)
    return;

  if (get_encoding (prop) == ENCODING_BASE64)
    {
      data = prop->value;
    }
  else if (has_prefix_nocase (prop->value, prop->value_len, "data:"))
    {
      const char *comma = strchr (prop->value, ',');

      if (comma == NULL ||
          g_strstr_len (prop->value, comma - prop->value, ";base64") == NULL)
        return;
      data = comma + 1;
    }
  else
    {
      /* A link: never fetched. */
      return;
    }

  /* Four characters of base64 make three bytes: refuse before decoding. */
  if (strlen (data) / 4 * 3 > NB_VCARD_MAX_PHOTO + 3)
    {
      g_free (card->photo_problem);
      card->photo_problem = g_strdup (_("Its photo is larger than 10 MB and was left out."));
      return;
    }

  decoded = g_base64_decode (data, &len);
  if (len == 0)
    return;

  if (len > NB_VCARD_MAX_PHOTO)
    {
      g_free (card->photo_problem);
      card->photo_problem = g_strdup (_("Its photo is larger than 10 MB and was left out."));
      return;
    }

  if (!looks_like_image (decoded, len))
    {
      g_free (card->photo_problem);
      card->photo_problem = g_strdup (_("Its photo is not an image Netbook can show and was left out."));
      return;
    }

  card->photo = g_bytes_new_take (g_steal_pointer (&decoded), len);
  g_clear_pointer (&card->photo_problem, g_free);
}

static void
handle_tel (NbVCard        *card,
            const Property *prop,
            char           *value)
{
  char *number = value;
  char *ext = NULL;

  /* vCard 4.0: tel:+1-555-0100;ext=42 */
  if (g_ascii_strncasecmp (number, "tel:", 4) == 0)
    {
      char *semicolon;

      number += 4;
      semicolon = strchr (number, ';');
      if (semicolon != NULL)
        {
          *semicolon = '\0';
          ext = strstr (semicolon + 1, "ext=");
          if (ext != NULL)
            ext += 4;
        }
    }

  number = clean_line (number);
  if (ext != NULL && *ext != '\0')
    add_value (card->phones, g_strdup_printf ("%s ext. %s", number, clean_line (ext)),
               is_preferred (prop));
  else
    add_value (card->phones, g_strdup (number), is_preferred (prop));
}

static void
handle_address (NbVCard   *card,
                GPtrArray *parts)
{
  GString *location;
  /* PO box; extended; street; locality; region; postal code; country */
  const guint wanted[] = { 3, 4, 6 };

  if (card->location != NULL)
    return;

  location = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      g_autofree char *part = part_or_empty (parts, wanted[i]);

      if (*part == '\0')
        continue;
      if (location->len > 0)
        g_string_append (location, ", ");
      g_string_append (location, part);
    }

  if (location->len > 0)
    card->location = g_string_free (location, FALSE);
  else
    g_string_free (location, TRUE);
}

static void
handle_property (NbVCard        *card,
                 const Property *prop)
{
  const char *name = prop->name;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) parts = NULL;

  if (g_str_equal (name, "VERSION"))
    {
      g_free (card->version);
      card->version = g_strstrip (g_strndup (prop->value, 16));
      for (char *p = card->version; *p != '\0'; p++)
        {
          if ((guchar) *p < 0x20 || (guchar) *p >= 0x7F)
            *p = '?';
        }
      return;
    }

  if (g_str_equal (name, "PHOTO"))
    {
      handle_photo (card, prop);
      return;
    }

  if (!g_str_equal (name, "FN") && !g_str_equal (name, "N") && !g_str_equal (name, "ORG") &&
      !g_str_equal (name, "TITLE") && !g_str_equal (name, "ROLE") && !g_str_equal (name, "NOTE") &&
      !g_str_equal (name, "BDAY") && !g_str_equal (name, "ADR") && !g_str_equal (name, "EMAIL") &&
      !g_str_equal (name, "TEL") && !g_str_equal (name, "URL") &&
      !g_str_equal (name, "X-SOCIALPROFILE") && !g_str_equal (name, "CATEGORIES"))
    return;

  text = decode_text (card, prop);
  if (text == NULL)
    return;

  if (g_str_equal (name, "N") || g_str_equal (name, "ORG") || g_str_equal (name, "ADR"))
    parts = split_unescape (text, ';');
  else if (g_str_equal (name, "CATEGORIES"))
    parts = split_unescape (text, ',');
  else
    parts = split_unescape (text, 0);

  if (g_str_equal (name, "FN"))
    {
      set_once (&card->fn, clean_line (g_ptr_array_index (parts, 0)));
    }
  else if (g_str_equal (name, "N"))
    {
      char **fields[] = { &card->family_name, &card->given_name, &card->additional_names,
                          &card->prefixes, &card->suffixes };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *part = part_or_empty (parts, i);

          set_once (fields[i], part);
        }
    }
  else if (g_str_equal (name, "ORG"))
    {
      g_autoptr(GStrvBuilder) units = g_strv_builder_new ();

      if (card->org != NULL)
        return;

      card->org = part_or_empty (parts, 0);
      for (guint i = 1; i < parts->len && i <= NB_VCARD_MAX_VALUES; i++)
        {
          char *unit = clean_line (g_ptr_array_index (parts, i));

          if (*unit != '\0')
            g_strv_builder_add (units, unit);
        }
      g_strfreev (card->org_units);
      card->org_units = g_strv_builder_end (units);
    }
  else if (g_str_equal (name, "TITLE"))
    {
      set_once (&card->title, clean_line (g_ptr_array_index (parts, 0)));
    }
  else if (g_str_equal (name, "ROLE"))
    {
      set_once (&card->role, clean_line (g_ptr_array_index (parts, 0)));
    }
  else if (g_str_equal (name, "NOTE"))
    {
      g_autofree char *note = clean_text (g_ptr_array_index (parts, 0));

      if (*note == '\0')
        return;
      if (card->note == NULL)
        {
          card->note = g_steal_pointer (&note);
        }
      else
        {
          char *joined = g_strconcat (card->note, "\n\n", note, NULL);

          g_free (card->note);
          card->note = joined;
        }
    }
  else if (g_str_equal (name, "BDAY"))
    {
      parse_bday (card, prop, g_ptr_array_index (parts, 0));
    }
  else if (g_str_equal (name, "ADR"))
    {
      handle_address (card, parts);
    }
  else if (g_str_equal (name, "EMAIL"))
    {
      char *email = clean_line (g_ptr_array_index (parts, 0));

      if (g_ascii_strncasecmp (email, "mailto:", 7) == 0)
        email = g_strstrip (email + 7);
      add_value (card->emails, g_strdup (email), is_preferred (prop));
    }
  else if (g_str_equal (name, "TEL"))
    {
      handle_tel (card, prop, g_ptr_array_index (parts, 0));
    }
  else if (g_str_equal (name, "URL") || g_str_equal (name, "X-SOCIALPROFILE"))
    {
      add_value (card->urls, g_strdup (clean_line (g_ptr_array_index (parts, 0))),
                 is_preferred (prop));
    }
  else if (g_str_equal (name, "CATEGORIES"))
    {
      for (guint i = 0; i < parts->len; i++)
        add_value (card->categories, g_strdup (clean_line (g_ptr_array_index (parts, i))), FALSE);
    }
}

static gboolean
value_is (const Property *prop,
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
      Property prop;

      if (!split_property (self->logical, &prop))
        continue;

      if (g_str_equal (prop.name, "BEGIN") && value_is (&prop, "VCARD"))
        {
          if (card != NULL)
            {
              self->pending_begin = TRUE;
              self->pending_line = line;
              set_skip_reason (card, _("It has no END:VCARD before the next BEGIN:VCARD."));
              return g_steal_pointer (&card);
            }

          card = card_new (++self->n_cards, line);
          continue;
        }

      if (card == NULL)
        continue;

      if (too_long)
        {
          set_skip_reason (card, _("One of its lines is longer than 16 MB."));
          continue;
        }

      if (g_str_equal (prop.name, "END") && value_is (&prop, "VCARD"))
        return g_steal_pointer (&card);

      handle_property (card, &prop);
    }

  if (card != NULL)
    set_skip_reason (card, _("The file ends before its END:VCARD."));

  return g_steal_pointer (&card);
}
