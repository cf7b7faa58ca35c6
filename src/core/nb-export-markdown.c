/* nb-export-markdown.c: one Markdown file per person, for notes apps.
 *
 * The layout is described in nb-export.h. Every piece of user text goes
 * through markdown_escape() (or yaml_quote() in the front matter), and
 * file names through _nb_export_markdown_file_name(), so that nothing a
 * contact card holds can become markup, YAML structure or a path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-export-private.h"

/* File names stay well below the 255 bytes most file systems allow,
 * leaving room for " (NNN).md". */
#define FILE_NAME_MAX_BYTES 200

static const char * const reserved_names[] = {
  "con", "prn", "aux", "nul",
  "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
  "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
  NULL
};

/* ---- Escaping ---------------------------------------------------------- */

/* Backslash-escapes what Markdown would read as syntax (the same rules
 * as the briefing's): everywhere \ ` * _ { } [ ] < > # | & ~, and at the
 * start of a line - + = and "1." / "1)". Line breaks become hard breaks
 * indented by @indent, so they stay inside their list item. */
static void
append_escaped (GString    *out,
                const char *text,
                const char *indent)
{
  gboolean line_start = TRUE;
  gboolean leading_digits = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\r')
        continue;

      if (c == '\n')
        {
          g_string_append (out, "\\\n");
          g_string_append (out, indent);
          line_start = TRUE;
          leading_digits = FALSE;
          continue;
        }

      if ((guchar) c < 0x20 && c != '\t')
        continue;

      if (strchr ("\\`*_{}[]<>#|&~", c) != NULL)
        g_string_append_c (out, '\\');
      else if (line_start && strchr ("-+=", c) != NULL)
        g_string_append_c (out, '\\');
      else if (leading_digits && (c == '.' || c == ')'))
        g_string_append_c (out, '\\');

      g_string_append_c (out, c);

      if (g_ascii_isdigit (c))
        leading_digits = line_start || leading_digits;
      else
        leading_digits = FALSE;

      if (c != ' ' && c != '\t')
        line_start = FALSE;
    }
}

/* A YAML double-quoted scalar: always quoted, so no value can be read as
 * a number, a boolean, a list or the end of the front matter. */
static void
append_yaml_quoted (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
              c == 0x2028 || c == 0x2029 || c == 0xfeff)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_unichar (out, c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* ---- File names -------------------------------------------------------- */

static gboolean
is_reserved_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  char *dot = strchr (lower, '.');

  if (dot != NULL)
    *dot = '\0';
  g_strchomp (lower);

  return g_strv_contains (reserved_names, lower);
}

char *
_nb_export_markdown_file_name (const char *display_name)
{
  g_autofree char *valid = g_utf8_make_valid (display_name != NULL ? display_name : "", -1);
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean space = FALSE;
  const char *start;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Separators, control characters and what Windows and macOS
       * refuse in a file name all become a space. */
      if (g_unichar_iscntrl (c) || g_unichar_isspace (c) ||
          c == 0x2028 || c == 0x2029 || c == 0xfeff ||
          (c < 0x80 && strchr ("/\\:*?\"<>|", (char) c) != NULL))
        {
          space = name->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (name, ' ');
      space = FALSE;
      g_string_append_unichar (name, c);
    }

  /* No hidden files: no leading dots (or spaces after them). */
  start = name->str;
  while (*start == '.' || *start == ' ')
    start++;
  g_string_erase (name, 0, (gssize) (start - name->str));

  if (name->len > FILE_NAME_MAX_BYTES)
    {
      const char *end = name->str + FILE_NAME_MAX_BYTES;

      end = g_utf8_find_prev_char (name->str, end + 1);
      g_string_truncate (name, (gsize) (end - name->str));
    }

  /* Windows drops trailing dots and spaces, which would make two names
   * the same file. */
  while (name->len > 0 && (name->str[name->len - 1] == '.' || name->str[name->len - 1] == ' '))
    g_string_truncate (name, name->len - 1);

  if (name->len == 0)
    g_string_assign (name, _("Unnamed"));
  if (is_reserved_name (name->str))
    g_string_append_c (name, '_');

  g_string_append (name, ".md");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* "Name.md", else "Name (2).md", … unused so far (case-insensitively). */
static char *
unique_file_name (GHashTable *used,
                  const char *display_name)
{
  g_autofree char *base = _nb_export_markdown_file_name (display_name);
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".md"));
  char *name = g_strdup (base);

  for (guint n = 2; ; n++)
    {
      g_autofree char *folded = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (used, folded))
        break;
      g_free (name);
      name = g_strdup_printf ("%s (%u).md", stem, n);
    }

  return name;
}

/* ---- One person -------------------------------------------------------- */

static void
append_yaml_timestamp (GString    *out,
                       const char *key,
                       gint64      unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);
  g_autofree char *text = time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  if (text != NULL)
    g_string_append_printf (out, "%s: \"%s\"\n", key, text);
}

static void
append_front_matter (GString      *out,
                     NbExportData *data,
                     NbPerson     *person)
{
  const char * const *tags = nb_person_get_tags (person);
  NbPerson *introducer = _nb_export_data_get_person (data, nb_person_get_introduced_by (person));

  g_string_append (out, "---\n");
  g_string_append_printf (out, "id: %" G_GINT64_FORMAT "\n", nb_person_get_id (person));

  for (guint f = 0; f < NB_PERSON_N_FIELDS; f++)
    {
      NbPersonField field = (NbPersonField) f;
      const char *value = nb_person_get_field (person, field);

      if (*value == '\0')
        continue;

      g_string_append_printf (out, "%s: ", nb_person_field_get_key (field));
      if (field == NB_PERSON_EMAILS || field == NB_PERSON_PHONES || field == NB_PERSON_URLS)
        {
          g_auto(GStrv) values = nb_person_dup_values (person, field);

          g_string_append_c (out, '[');
          for (guint i = 0; values[i] != NULL; i++)
            {
              if (i > 0)
                g_string_append (out, ", ");
              append_yaml_quoted (out, values[i]);
            }
          g_string_append_c (out, ']');
        }
      else
        {
          append_yaml_quoted (out, value);
        }
      g_string_append_c (out, '\n');
    }

  g_string_append (out, "tags: [");
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_yaml_quoted (out, tags[i]);
    }
  g_string_append (out, "]\n");

  g_string_append_printf (out, "cadence_days: %u\nrapport: %u\narchived: %s\n",
                          nb_person_get_cadence_days (person),
                          nb_person_get_rapport (person),
                          nb_person_get_archived (person) ? "true" : "false");
  if (introducer != NULL)
    {
      g_string_append (out, "introduced_by: ");
      append_yaml_quoted (out, nb_person_get_display_name (introducer));
      g_string_append_c (out, '\n');
    }
  append_yaml_timestamp (out, "created", nb_person_get_created (person));
  append_yaml_timestamp (out, "updated", nb_person_get_updated (person));
  g_string_append (out, "---\n\n");
}

static void
append_item (GString    *out,
             const char *label,
             const char *text)
{
  g_string_append (out, "- ");
  if (label != NULL)
    g_string_append_printf (out, "**%s:** ", label);
  append_escaped (out, text, "  ");
  g_string_append_c (out, '\n');
}

static void
append_card (GString      *out,
             NbExportData *data,
             NbPerson     *person)
{
  const char * const *tags = nb_person_get_tags (person);
  NbPerson *introducer = _nb_export_data_get_person (data, nb_person_get_introduced_by (person));

  g_string_append_printf (out, "\n## %s\n\n", _("Card"));

  for (guint f = NB_PERSON_DISPLAY_NAME + 1; f < NB_PERSON_N_FIELDS; f++)
    {
      NbPersonField field = (NbPersonField) f;

      if (*nb_person_get_field (person, field) == '\0')
        continue;

      if (field == NB_PERSON_EMAILS || field == NB_PERSON_PHONES || field == NB_PERSON_URLS)
        {
          g_auto(GStrv) values = nb_person_dup_values (person, field);
          g_autofree char *joined = g_strjoinv (", ", values);

          append_item (out, nb_person_field_get_label (field), joined);
        }
      else
        {
          append_item (out, nb_person_field_get_label (field), nb_person_get_field (person, field));
        }
    }

  if (tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) tags);

      append_item (out, _("Tags"), joined);
    }
  if (nb_person_get_cadence_days (person) > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u day",
                                                            "every %u days",
                                                            nb_person_get_cadence_days (person)),
                                               nb_person_get_cadence_days (person));

      append_item (out, _("Stay in touch"), text);
    }
  if (nb_person_get_rapport (person) > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u/5", nb_person_get_rapport (person));

      append_item (out, _("Rapport"), text);
    }
  if (introducer != NULL)
    append_item (out, _("Introduced by"), nb_person_get_display_name (introducer));
  if (nb_person_get_archived (person))
    append_item (out, NULL, _("Archived"));
}

/* "Dream · open · 2024-05-02" */
static char *
entry_label (NbEntry *entry)
{
  NbStatus status = nb_entry_get_status (entry);

  if (status == NB_STATUS_NONE)
    return g_strdup_printf ("%s · %s", nb_entry_get_date (entry),
                            nb_entry_kind_get_label (nb_entry_get_kind (entry)));

  return g_strdup_printf ("%s · %s · %s", nb_entry_get_date (entry),
                          nb_entry_kind_get_label (nb_entry_get_kind (entry)),
                          nb_status_get_label (status));
}

static void
append_entry (GString      *out,
              NbExportData *data,
              NbPerson     *person,
              NbEntry      *entry)
{
  g_autofree char *label = entry_label (entry);
  gint64 other_id = nb_entry_get_person_id (entry) == nb_person_get_id (person)
                    ? nb_entry_get_other_person_id (entry)
                    : nb_entry_get_person_id (entry);
  NbPerson *other = _nb_export_data_get_person (data, other_id);
  NbEvent *event = _nb_export_data_get_event (data, nb_entry_get_event_id (entry));

  g_string_append_printf (out, "- **%s:** ", label);
  if (other != NULL)
    {
      g_string_append (out, "→ ");
      append_escaped (out, nb_person_get_display_name (other), "  ");
      g_string_append (out, ": ");
    }
  append_escaped (out, nb_entry_get_text (entry), "  ");
  if (*nb_entry_get_due (entry) != '\0')
    {
      g_string_append (out, " (");
      /* Translators: when a follow-up is due, a date. */
      g_string_append_printf (out, _("due %s"), nb_entry_get_due (entry));
      g_string_append_c (out, ')');
    }
  if (event != NULL)
    {
      g_string_append (out, " — ");
      append_escaped (out, nb_event_get_name (event), "  ");
    }
  g_string_append_c (out, '\n');
}

static void
append_section (GString      *out,
                NbExportData *data,
                NbPerson     *person,
                GPtrArray    *timeline,
                const char   *heading,
                gboolean    (*filter) (NbEntry *entry))
{
  gboolean any = FALSE;

  for (guint i = 0; i < timeline->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (timeline, i);

      if (filter != NULL && !filter (entry))
        continue;

      if (!any)
        g_string_append_printf (out, "\n## %s\n\n", heading);
      any = TRUE;
      append_entry (out, data, person, entry);
    }
}

static gboolean
is_dream_challenge_need (NbEntry *entry)
{
  NbEntryKind kind = nb_entry_get_kind (entry);

  return kind == NB_ENTRY_DREAM || kind == NB_ENTRY_CHALLENGE || kind == NB_ENTRY_NEED;
}

static gboolean
is_follow_up (NbEntry *entry)
{
  return nb_entry_get_kind (entry) == NB_ENTRY_FOLLOW_UP;
}

static char *
render_person (NbExportData *data,
               NbPerson     *person,
               const char   *today_iso)
{
  GPtrArray *timeline = _nb_export_data_get_timeline (data, nb_person_get_id (person));
  NbPerson *introducer = _nb_export_data_get_person (data, nb_person_get_introduced_by (person));
  g_autoptr(NbBriefing) briefing = NULL;
  g_autofree char *summary = NULL;
  GString *out = g_string_new (NULL);

  append_front_matter (out, data, person);

  briefing = nb_briefing_new (person, timeline, introducer, NULL, today_iso);
  summary = nb_briefing_to_markdown (briefing);
  g_string_append (out, summary);
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');

  append_card (out, data, person);
  append_section (out, data, person, timeline, _("Dreams, challenges and needs"),
                  is_dream_challenge_need);
  append_section (out, data, person, timeline, _("Follow-ups"), is_follow_up);
  append_section (out, data, person, timeline, _("Timeline"), NULL);

  return g_string_free (out, FALSE);
}

/* ---- The folder -------------------------------------------------------- */

static gboolean
ensure_dir (GFile         *dir,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (dir, cancellable, &local_error))
    {
      /* Private notes: a folder we create is the user's alone. */
      return g_file_set_attribute_uint32 (dir, G_FILE_ATTRIBUTE_UNIX_MODE, 0700,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, error);
    }

  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_file_query_file_type (dir, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (dir);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder: a Markdown export needs a folder to write one file per person into."),
                   name);
      return FALSE;
    }

  return TRUE;
}

gboolean
_nb_export_markdown_data (NbExportData  *data,
                          GPtrArray     *people,
                          GFile         *dir,
                          const char    *today_iso,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!ensure_dir (dir, cancellable, error))
    return FALSE;

  for (guint i = 0; i < people->len; i++)
    {
      NbPerson *person = g_ptr_array_index (people, i);
      g_autofree char *name = unique_file_name (used, nb_person_get_display_name (person));
      g_autofree char *text = render_person (data, person, today_iso);
      g_autoptr(GFile) file = g_file_get_child (dir, name);

      g_hash_table_add (used, g_utf8_casefold (name, -1));

      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                    G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, cancellable, error))
        return FALSE;
    }

  return TRUE;
}
