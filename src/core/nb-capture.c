/* nb-capture.c: parsing the after-event capture's lines; drafts.
 *
 * Parsing is two passes: the first takes the #tags and the !follow-up
 * out of the line (they may be anywhere), the second splits what is left
 * into name, company and note. The delimiters are ASCII, so the second
 * pass can scan bytes: UTF-8 never hides one inside a character.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-capture.h"
#include "nb-date.h"

/* Beyond this a name is a note that lost its colon. */
#define MAX_NAME_CHARS 80
/* A pasted page of "!x" should not give a page of problems. */
#define MAX_PROBLEMS 8
/* "!in 2 weeks" is the longest follow-up: three words. */
#define MAX_WHEN_WORDS 3
/* Punctuation that ends a sentence, not a tag or a date. */
#define TRAILING_PUNCT ".,;:!?)"

G_DEFINE_BOXED_TYPE (NbCaptureLine, nb_capture_line, nb_capture_line_copy, nb_capture_line_free)
G_DEFINE_BOXED_TYPE (NbCaptureDraft, nb_capture_draft, nb_capture_draft_copy, nb_capture_draft_free)

typedef struct {
  NbCaptureLine *line;
  const char    *today_iso;
  GString       *rest;   /* the line without tags and follow-up */
  GPtrArray     *tags;   /* char* */
} Scan;

static void
add_problem (NbCaptureLine *line,
             char          *message)
{
  for (guint i = 0; i < line->problems->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (line->problems, i), message))
        {
          g_free (message);
          return;
        }
    }

  if (line->problems->len >= MAX_PROBLEMS)
    {
      g_free (message);
      return;
    }

  g_ptr_array_add (line->problems, message);
}

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

static gboolean
is_tag_char (gunichar c)
{
  return g_unichar_isalnum (c) || is_mark (c) || c == '-' || c == '_';
}

static gboolean
has_letter (const char *start,
            const char *end)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* @start..@end with white space runs made one space, trimmed. */
static char *
collapse_space (const char *start,
                const char *end)
{
  GString *out = g_string_sized_new ((gsize) (end - start));
  gboolean space = FALSE;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* After taking a token out: "referrals !fri." must not leave "referrals ." */
static void
join_punctuation (GString    *rest,
                  const char *next)
{
  if (*next != '\0' && strchr (TRAILING_PUNCT, *next) != NULL &&
      rest->len > 0 && rest->str[rest->len - 1] == ' ')
    g_string_truncate (rest, rest->len - 1);
}

/* "#tag" at @p; returns where the tag ends, or NULL if it is not one. */
static const char *
scan_tag (Scan       *scan,
          const char *p)
{
  const char *start = p + 1;
  const char *end = start;
  const char *tag_end;
  g_autofree char *tag = NULL;

  while (*end != '\0' && is_tag_char (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  /* "#real-estate-" is "#real-estate" at the end of a sentence. */
  tag_end = end;
  while (tag_end > start && (tag_end[-1] == '-' || tag_end[-1] == '_'))
    tag_end--;

  if (!has_letter (start, tag_end))
    return NULL;

  tag = g_strndup (start, (gsize) (tag_end - start));
  for (guint i = 0; i < scan->tags->len; i++)
    if (g_str_equal (g_ptr_array_index (scan->tags, i), tag))
      return end;

  g_ptr_array_add (scan->tags, g_steal_pointer (&tag));
  return end;
}

/* The words after "!", at most MAX_WHEN_WORDS, stopping before another
 * tag or follow-up. Returns how many; @ends are where each one ends. */
static guint
when_words (const char  *p,
            const char **ends)
{
  guint n = 0;

  while (n < MAX_WHEN_WORDS)
    {
      if (n > 0)
        {
          while (*p == ' ' || *p == '\t')
            p++;
          if (*p == '#' || *p == '!')
            break;
        }
      if (*p == '\0' || g_ascii_isspace (*p))
        break;

      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      ends[n++] = p;
    }

  return n;
}

static const char *
strip_trailing_punct (const char *start,
                      const char *end)
{
  while (end > start && strchr (TRAILING_PUNCT, end[-1]) != NULL)
    end--;
  return end;
}

/* "!WHEN" at @p: the longest run of words that is a date wins ("!fri to
 * discuss" is Friday). Returns where it ends, or NULL with a problem. */
static const char *
scan_followup (Scan       *scan,
               const char *p)
{
  const char *start = p + 1;
  const char *ends[MAX_WHEN_WORDS];
  guint n = when_words (start, ends);
  g_autofree char *quoted = NULL;
  g_autoptr(GError) error = NULL;
  const char *quoted_end;
  guint n_quoted = 1;

  for (guint k = n; k > 0; k--)
    {
      const char *end = strip_trailing_punct (start, ends[k - 1]);
      g_autofree char *text = g_strndup (start, (gsize) (end - start));
      g_autofree char *iso = NULL;

      if (end == start || !nb_date_parse_relative (text, scan->today_iso, &iso, NULL))
        continue;

      if (scan->line->followup_due != NULL)
        {
          add_problem (scan->line,
                       g_strdup_printf (_("Only one follow-up per line: “!%s” is a second one."), text));
          return NULL;
        }

      scan->line->followup_due = g_steal_pointer (&iso);
      return end;
    }

  /* Quote what the user meant as a date: "in" and "next" start longer
   * ones. */
  if (n > 1 && ends[0] - start == 2 && g_ascii_strncasecmp (start, "in", 2) == 0)
    n_quoted = n;
  else if (n > 1 && ends[0] - start == 4 && g_ascii_strncasecmp (start, "next", 4) == 0)
    n_quoted = 2;

  quoted_end = strip_trailing_punct (start, ends[n_quoted - 1]);
  if (quoted_end == start)
    quoted_end = ends[0];
  quoted = g_strndup (start, (gsize) (quoted_end - start));
  nb_date_parse_relative (quoted, scan->today_iso, NULL, &error);
  add_problem (scan->line, g_strdup (error->message));
  return NULL;
}

static void
scan_tokens (Scan       *scan,
             const char *text)
{
  const char *p = text;
  gboolean word_start = TRUE;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *end = NULL;

      if (word_start && c == '#')
        end = scan_tag (scan, p);
      else if (word_start && c == '!' && p[1] != '\0' && !g_ascii_isspace (p[1]))
        end = scan_followup (scan, p);

      if (end != NULL)
        {
          join_punctuation (scan->rest, end);
          word_start = FALSE;
          p = end;
          continue;
        }

      if (g_unichar_iscntrl (c))
        c = ' ';
      g_string_append_unichar (scan->rest, c);
      word_start = g_unichar_isspace (c) || c == '(';
      p = g_utf8_next_char (p);
    }
}

/* The ":" between name and note: not "http://", not "10:30", and (when
 * @nested is FALSE) not inside parentheses. */
static const char *
find_separator (const char *text,
                gboolean    anywhere)
{
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (*p == ':' && (anywhere || depth == 0))
        {
          if (p[1] == '/' && p[2] == '/')
            continue;
          if (p > text && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]))
            continue;
          return p;
        }
    }

  return NULL;
}

/* The ")" that closes the "(" at @open, or NULL. */
static const char *
find_close (const char *open,
            const char *limit)
{
  int depth = 0;

  for (const char *p = open; *p != '\0' && (limit == NULL || p < limit); p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && --depth == 0)
        return p;
    }

  return NULL;
}

static int
paren_balance (const char *text,
               gboolean   *stray_close)
{
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && --depth < 0)
        {
          *stray_close = TRUE;
          depth = 0;
        }
    }

  return depth;
}

static void
set_fields (NbCaptureLine *line,
            const char    *name_start,
            const char    *name_end,
            const char    *company_start,
            const char    *company_end,
            const char    *note_start)
{
  line->name = collapse_space (name_start, name_end);
  line->company = company_start != NULL ? collapse_space (company_start, company_end) : g_strdup ("");
  line->note = note_start != NULL ? collapse_space (note_start, note_start + strlen (note_start)) : g_strdup ("");
}

/* Sets name, company and note; returns where the note starts in @rest
 * (its end if there is none). */
static gsize
split_fields (NbCaptureLine *line,
              const char    *rest)
{
  const char *end = rest + strlen (rest);
  const char *colon = find_separator (rest, FALSE);
  const char *open = NULL;
  const char *comma = NULL;
  gboolean stray = FALSE;

  /* An unclosed "(" would hide the ":" after it. */
  if (colon == NULL && paren_balance (rest, &stray) > 0)
    colon = find_separator (rest, TRUE);

  for (const char *p = rest; *p != '\0' && (colon == NULL || p < colon); p++)
    {
      if (*p == '(')
        {
          open = p;
          break;
        }
      if (*p == ',')
        {
          comma = p;
          break;
        }
    }

  if (open != NULL)
    {
      const char *close = find_close (open, colon);

      if (close != NULL)
        {
          const char *after = close + 1;

          while (g_ascii_isspace (*after))
            after++;
          if (*after == ':' || *after == ',')
            after++;
          set_fields (line, rest, open, open + 1, close, after);
          return (gsize) (after - rest);
        }

      set_fields (line, rest, open, open + 1, colon != NULL ? colon : end,
                  colon != NULL ? colon + 1 : NULL);
      return (gsize) ((colon != NULL ? colon + 1 : end) - rest);
    }
  else if (comma != NULL)
    {
      const char *company_end = colon;
      const char *note = colon != NULL ? colon + 1 : NULL;

      if (colon == NULL)
        {
          /* "Name, Company, note": without a ":" a second comma will do. */
          company_end = strchr (comma + 1, ',');
          note = company_end != NULL ? company_end + 1 : NULL;
          if (company_end == NULL)
            company_end = end;
        }
      set_fields (line, rest, comma, comma + 1, company_end, note);
      return (gsize) ((note != NULL ? note : end) - rest);
    }

  set_fields (line, rest, colon != NULL ? colon : end, NULL, NULL,
              colon != NULL ? colon + 1 : NULL);
  return (gsize) ((colon != NULL ? colon + 1 : end) - rest);
}

static void
check_parentheses (NbCaptureLine *line,
                   const char    *text)
{
  gboolean stray = FALSE;

  if (paren_balance (text, &stray) > 0)
    add_problem (line, g_strdup (_("A “(” is not closed: write the company as (Company).")));
  if (stray)
    add_problem (line, g_strdup (_("A “)” has no “(” before it.")));
}

static void
check_name (NbCaptureLine *line,
            gboolean       blank)
{
  const char *name = line->name;

  if (*name == '\0')
    {
      if (!blank)
        add_problem (line, g_strdup (_("Start the line with the person’s name.")));
      return;
    }

  if (strstr (name, "://") != NULL || strchr (name, '@') != NULL)
    add_problem (line, g_strdup_printf (_("“%s” looks like an address, not a name: put a “:” after the name, then the note."),
                                        name));
  else if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    add_problem (line, g_strdup (_("The name is very long: is the “:” between the name and the note missing?")));
  else if (!has_letter (name, name + strlen (name)))
    add_problem (line, g_strdup_printf (_("“%s” is not a name: start the line with the person’s name."), name));
}

NbCaptureLine *
nb_capture_parse_line (const char *line,
                       const char *today_iso)
{
  g_autoptr(NbCaptureLine) result = g_new0 (NbCaptureLine, 1);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autofree char *valid = NULL;
  Scan scan = { result, today_iso, rest, tags };
  gboolean blank;
  gsize note_start;

  g_return_val_if_fail (line != NULL, NULL);

  result->problems = g_ptr_array_new_with_free_func (g_free);

  if (!g_utf8_validate (line, -1, NULL))
    {
      add_problem (result, g_strdup (_("The line contains bytes that are not valid UTF-8 text.")));
      line = valid = g_utf8_make_valid (line, -1);
    }

  scan_tokens (&scan, line);
  note_start = split_fields (result, rest->str);

  g_ptr_array_add (tags, NULL);
  result->tags = (GStrv) g_ptr_array_free (g_steal_pointer (&tags), FALSE);

  blank = *result->name == '\0' && *result->company == '\0' && *result->note == '\0' &&
          result->tags[0] == NULL && result->followup_due == NULL &&
          result->problems->len == 0;

  /* Only name and company: a note may hold any parentheses, ":-)". */
  g_string_truncate (rest, note_start);
  check_parentheses (result, rest->str);
  check_name (result, blank);

  if (result->followup_due != NULL)
    result->followup_text = *result->note != '\0'
      ? g_strdup (result->note)
      /* Translators: the text of a follow-up without a note; %s is a name. */
      : g_strdup_printf (_("Follow up with %s"), *result->name != '\0' ? result->name : _("them"));

  return g_steal_pointer (&result);
}

GPtrArray *
nb_capture_parse_text (const char *text,
                       const char *today_iso)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_capture_line_free);
  g_auto(GStrv) split = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  split = g_strsplit (text, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      gsize len = strlen (split[i]);

      if (len > 0 && split[i][len - 1] == '\r')
        split[i][len - 1] = '\0';
      /* A last "\n" ends the last line; it does not start another. */
      if (split[i + 1] == NULL && *split[i] == '\0' && i > 0)
        break;
      g_ptr_array_add (lines, nb_capture_parse_line (split[i], today_iso));
    }

  return g_steal_pointer (&lines);
}

gboolean
nb_capture_line_is_blank (const NbCaptureLine *line)
{
  g_return_val_if_fail (line != NULL, TRUE);

  return *line->name == '\0' && *line->company == '\0' && *line->note == '\0' &&
         line->tags[0] == NULL && line->followup_due == NULL && line->problems->len == 0;
}

gboolean
nb_capture_line_is_valid (const NbCaptureLine *line)
{
  g_return_val_if_fail (line != NULL, FALSE);

  return *line->name != '\0' && line->problems->len == 0;
}

NbCaptureLine *
nb_capture_line_copy (const NbCaptureLine *line)
{
  NbCaptureLine *copy;

  g_return_val_if_fail (line != NULL, NULL);

  copy = g_new0 (NbCaptureLine, 1);
  copy->name = g_strdup (line->name);
  copy->company = g_strdup (line->company);
  copy->note = g_strdup (line->note);
  copy->tags = g_strdupv (line->tags);
  copy->followup_due = g_strdup (line->followup_due);
  copy->followup_text = g_strdup (line->followup_text);
  copy->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < line->problems->len; i++)
    g_ptr_array_add (copy->problems, g_strdup (g_ptr_array_index (line->problems, i)));
  copy->person_id = line->person_id;

  return copy;
}

void
nb_capture_line_free (NbCaptureLine *line)
{
  if (line == NULL)
    return;

  g_free (line->name);
  g_free (line->company);
  g_free (line->note);
  g_strfreev (line->tags);
  g_free (line->followup_due);
  g_free (line->followup_text);
  g_clear_pointer (&line->problems, g_ptr_array_unref);
  g_free (line);
}

/* ---- Drafts ------------------------------------------------------------ */

NbCaptureDraft *
nb_capture_draft_new (const char *event_name,
                      const char *event_date,
                      const char *place,
                      const char *body)
{
  NbCaptureDraft *draft = g_new0 (NbCaptureDraft, 1);

  draft->event_name = g_strdup (event_name != NULL ? event_name : "");
  draft->event_date = g_strdup (event_date != NULL ? event_date : "");
  draft->place = g_strdup (place != NULL ? place : "");
  draft->body = g_strdup (body != NULL ? body : "");

  return draft;
}

static gboolean
is_blank_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
nb_capture_draft_is_empty (const NbCaptureDraft *draft)
{
  g_return_val_if_fail (draft != NULL, TRUE);

  return is_blank_text (draft->event_name) && is_blank_text (draft->event_date) &&
         is_blank_text (draft->place) && is_blank_text (draft->body);
}

NbCaptureDraft *
nb_capture_draft_copy (const NbCaptureDraft *draft)
{
  NbCaptureDraft *copy;

  g_return_val_if_fail (draft != NULL, NULL);

  copy = nb_capture_draft_new (draft->event_name, draft->event_date, draft->place, draft->body);
  copy->id = draft->id;
  copy->created = draft->created;
  copy->updated = draft->updated;

  return copy;
}

void
nb_capture_draft_free (NbCaptureDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->event_name);
  g_free (draft->event_date);
  g_free (draft->place);
  g_free (draft->body);
  g_free (draft);
}
