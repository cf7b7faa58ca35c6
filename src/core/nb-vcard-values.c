/* nb-vcard-values.c: decoding the properties Netbook keeps.
 *
 * A value goes through its transfer encoding (QUOTED-PRINTABLE, BASE64),
 * its CHARSET, a check that it is UTF-8 text without NUL bytes, and the
 * backslash escapes, then into the card. Only the properties Netbook
 * keeps get here.
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
#include "nb-vcard-private.h"

static gboolean
has_prefix_nocase (const char *text,
                   gsize       len,
                   const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && g_ascii_strncasecmp (text, prefix, n) == 0;
}

/* ---- parameters --------------------------------------------------------- */

static const char *
get_param (const NbVCardProperty *prop,
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
has_type (const NbVCardProperty *prop,
          const char     *word)
{
  for (guint i = 0; i < prop->n_params; i++)
    {
      const NbVCardParam *param = &prop->params[i];

      if ((param->name == NULL || g_str_equal (param->name, "TYPE")) &&
          list_has_word (param->value, word))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_preferred (const NbVCardProperty *prop)
{
  return has_type (prop, "PREF") || get_param (prop, "PREF") != NULL;
}

typedef enum {
  ENCODING_NONE,
  ENCODING_QP,
  ENCODING_BASE64,
} Encoding;

static Encoding
get_encoding (const NbVCardProperty *prop)
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
             const NbVCardProperty *prop)
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
      _nb_vcard_set_skip_reason (card, _("It contains a NUL byte, which is not text."));
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
          _nb_vcard_set_skip_reason (card, reason);
          return NULL;
        }

      return g_steal_pointer (&converted);
    }

  if (!g_utf8_validate_len (bytes->str, bytes->len, NULL))
    {
      if (charset == NULL && g_str_equal (card->version, "2.1"))
        return nb_text_from_windows_1252 (bytes->str, (gssize) bytes->len, NULL);

      _nb_vcard_set_skip_reason (card, _("It contains text that is not valid UTF-8."));
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
  if (_nb_vcard_is_blank (*field) && !_nb_vcard_is_blank (value))
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
            const NbVCardProperty *prop,
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
              const NbVCardProperty *prop)
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
            const NbVCardProperty *prop,
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

void
_nb_vcard_handle_property (NbVCard               *card,
                           const NbVCardProperty *prop)
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

