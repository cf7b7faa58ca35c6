/* nb-briefing.c: the pre-meeting summary (DOMAIN.md, "The two moments").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-briefing.h"
#include "nb-date.h"

struct _NbBriefing
{
  GObject     parent_instance;

  NbPerson   *person;
  NbPerson   *introducer;
  NbTrust    *trust;
  char       *today;
  GPtrArray  *entries;
  NbEntry    *last_conversation;
  /* Indexed by NbEntryKind; only dreams, challenges and needs are filled
   * but every kind gets an (empty) array so callers never see NULL. */
  GPtrArray  *open_items[NB_N_ENTRY_KINDS];
  GPtrArray  *promises;
  GPtrArray  *upcoming_meetings;
  GPtrArray  *helpers;
  guint       given;
  guint       received;
};

/* Renders one briefing as plain text or Markdown; the sections are
 * written once, the syntax differs only here. */
typedef struct {
  GString  *out;
  gboolean  markdown;
  guint     n_items;
} Renderer;

G_DEFINE_FINAL_TYPE (NbBriefing, nb_briefing, G_TYPE_OBJECT)

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  NbEntry *ea = *(NbEntry * const *) a;
  NbEntry *eb = *(NbEntry * const *) b;
  int cmp = strcmp (nb_entry_get_date (eb), nb_entry_get_date (ea));

  if (cmp != 0)
    return cmp;

  return (nb_entry_get_id (eb) > nb_entry_get_id (ea)) - (nb_entry_get_id (eb) < nb_entry_get_id (ea));
}

static int
compare_soonest_first (gconstpointer a,
                       gconstpointer b)
{
  return compare_newest_first (b, a);
}

/* Overdue first, then by due date; a promise without a due date last. */
static int
compare_promises (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  NbEntry *ea = *(NbEntry * const *) a;
  NbEntry *eb = *(NbEntry * const *) b;
  const char *today = user_data;
  gboolean overdue_a = nb_entry_is_overdue (ea, today);
  gboolean overdue_b = nb_entry_is_overdue (eb, today);
  const char *due_a = nb_entry_get_due (ea);
  const char *due_b = nb_entry_get_due (eb);
  int cmp;

  if (overdue_a != overdue_b)
    return overdue_a ? -1 : 1;

  if ((*due_a == '\0') != (*due_b == '\0'))
    return *due_a == '\0' ? 1 : -1;

  cmp = strcmp (due_a, due_b);
  if (cmp != 0)
    return cmp;

  return (nb_entry_get_id (ea) > nb_entry_get_id (eb)) - (nb_entry_get_id (ea) < nb_entry_get_id (eb));
}

static gboolean
on_or_before (const char *date,
              const char *today)
{
  return nb_date_is_valid_iso (date) && nb_date_days_between (date, today) >= 0;
}

static gboolean
has_text (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;

  return *text != '\0';
}

static void
sort_entries (NbBriefing *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (self->entries, i);
      NbEntryKind kind = nb_entry_get_kind (entry);
      NbStatus status = nb_entry_get_status (entry);
      const char *date = nb_entry_get_date (entry);

      switch (kind)
        {
        case NB_ENTRY_CONVERSATION:
          if (on_or_before (date, self->today) &&
              (self->last_conversation == NULL ||
               compare_newest_first (&entry, &self->last_conversation) < 0))
            self->last_conversation = entry;
          break;

        case NB_ENTRY_MEETING:
          if (on_or_before (date, self->today))
            {
              if (self->last_conversation == NULL ||
                  compare_newest_first (&entry, &self->last_conversation) < 0)
                self->last_conversation = entry;
            }
          else if (nb_date_is_valid_iso (date))
            {
              g_ptr_array_add (self->upcoming_meetings, g_object_ref (entry));
            }
          break;

        case NB_ENTRY_DREAM:
        case NB_ENTRY_CHALLENGE:
        case NB_ENTRY_NEED:
          if (status == NB_STATUS_OPEN)
            g_ptr_array_add (self->open_items[kind], g_object_ref (entry));
          break;

        case NB_ENTRY_FOLLOW_UP:
          if (status == NB_STATUS_OPEN)
            g_ptr_array_add (self->promises, g_object_ref (entry));
          break;

        /* Same rule as the trust model and the store's goodwill: an
         * introduction is something I gave, whichever side they were on. */
        case NB_ENTRY_HELP_GIVEN:
        case NB_ENTRY_REFERRAL_GIVEN:
        case NB_ENTRY_INTRODUCTION:
          self->given++;
          break;

        case NB_ENTRY_HELP_RECEIVED:
        case NB_ENTRY_REFERRAL_RECEIVED:
          self->received++;
          break;

        case NB_ENTRY_NOTE:
        default:
          break;
        }
    }

  g_ptr_array_sort (self->open_items[NB_ENTRY_DREAM], compare_newest_first);
  g_ptr_array_sort (self->open_items[NB_ENTRY_CHALLENGE], compare_newest_first);
  g_ptr_array_sort (self->open_items[NB_ENTRY_NEED], compare_newest_first);
  g_ptr_array_sort (self->upcoming_meetings, compare_soonest_first);
  g_ptr_array_sort_with_data (self->promises, compare_promises, self->today);
}

/* Backslash-escapes what Markdown would read as syntax, so a name like
 * "*Bob* <b>&" renders literally. Characters that only matter at the
 * start of a line ("-", "+", "=", "1.") are escaped only there, to keep
 * the Markdown source readable. */
static char *
markdown_escape (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 16);
  gboolean line_start = TRUE;
  gboolean leading_digits = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\r')
        continue;

      if (c == '\n')
        {
          /* A hard line break, indented so the line stays inside the
           * list item it belongs to. */
          g_string_append (out, "\\\n  ");
          line_start = TRUE;
          leading_digits = FALSE;
          continue;
        }

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

  return g_string_free (out, FALSE);
}

/* User text, made safe for the output format. */
static char *
render_user (Renderer   *r,
             const char *text)
{
  return r->markdown ? markdown_escape (text) : g_strdup (text);
}

static void
render_title (Renderer   *r,
              const char *title)
{
  if (r->markdown)
    {
      g_string_append_printf (r->out, "# %s\n", title);
      return;
    }

  g_string_append_printf (r->out, "%s\n", title);
  for (glong i = g_utf8_strlen (title, -1); i > 0; i--)
    g_string_append_c (r->out, '=');
  g_string_append_c (r->out, '\n');
}

static void
render_section (Renderer   *r,
                const char *heading)
{
  r->n_items = 0;

  if (r->markdown)
    g_string_append_printf (r->out, "\n## %s\n\n", heading);
  else
    g_string_append_printf (r->out, "\n%s\n", heading);
}

/* Plain text keeps the user's line breaks but indents the lines that
 * follow so a multi-line note stays visibly inside its section. (Markdown
 * text was already made safe by markdown_escape().) */
static void
append_block (Renderer   *r,
              const char *text,
              const char *indent)
{
  if (r->markdown)
    {
      g_string_append (r->out, text);
      return;
    }

  for (const char *p = text; *p != '\0'; p++)
    {
      g_string_append_c (r->out, *p);
      if (*p == '\n')
        g_string_append (r->out, indent);
    }
}

static void
render_line (Renderer   *r,
             const char *line)
{
  if (!r->markdown)
    g_string_append (r->out, "  ");
  append_block (r, line, "  ");
  g_string_append (r->out, r->markdown ? "\\\n" : "\n");
}

static void
render_item (Renderer   *r,
             const char *item)
{
  r->n_items++;
  g_string_append (r->out, r->markdown ? "- " : "  - ");
  append_block (r, item, "    ");
  g_string_append_c (r->out, '\n');
}

static void
render_numbered (Renderer   *r,
                 const char *item)
{
  r->n_items++;
  g_string_append_printf (r->out, r->markdown ? "%u. " : "  %u. ", r->n_items);
  append_block (r, item, "     ");
  g_string_append_c (r->out, '\n');
}

/* Markdown paragraph lines end in a hard break ("\"); the last one of a
 * section must not, or it would escape the blank line that follows. */
static void
end_section (Renderer *r)
{
  if (r->markdown && g_str_has_suffix (r->out->str, "\\\n"))
    {
      g_string_truncate (r->out, r->out->len - 2);
      g_string_append_c (r->out, '\n');
    }
}

static void
render_who (NbBriefing *self,
            Renderer   *r)
{
  NbPerson *person = self->person;
  const char *role = nb_person_get_role (person);
  const char *company = nb_person_get_company (person);
  const char *met_date = nb_person_get_field (person, NB_PERSON_MET_DATE);
  const char *met_where = nb_person_get_field (person, NB_PERSON_MET_WHERE);
  gboolean any = FALSE;

  render_section (r, _("Who"));

  if (has_text (role) || has_text (company))
    {
      g_autofree char *role_r = render_user (r, role);
      g_autofree char *company_r = render_user (r, company);
      g_autofree char *line = NULL;

      if (has_text (role) && has_text (company))
        /* Translators: "Accountant at Smith & Co" */
        line = g_strdup_printf (_("%s at %s"), role_r, company_r);
      else
        line = g_strdup (has_text (role) ? role_r : company_r);

      render_line (r, line);
      any = TRUE;
    }

  if (nb_date_is_valid_iso (met_date) || has_text (met_where))
    {
      g_autofree char *where = render_user (r, met_where);
      g_autofree char *when = nb_date_is_valid_iso (met_date) ? nb_date_format_long (met_date) : NULL;
      g_autofree char *line = NULL;

      if (when != NULL && has_text (met_where))
        /* Translators: "Met on 2 May 2024 at the BNI breakfast" */
        line = g_strdup_printf (_("Met on %s at %s"), when, where);
      else if (when != NULL)
        line = g_strdup_printf (_("Met on %s"), when);
      else
        line = g_strdup_printf (_("Met at %s"), where);

      render_line (r, line);
      any = TRUE;
    }

  if (self->introducer != NULL)
    {
      g_autofree char *name = render_user (r, nb_person_get_display_name (self->introducer));
      g_autofree char *line = g_strdup_printf (_("Introduced by %s"), name);

      render_line (r, line);
      any = TRUE;
    }

  if (!any)
    render_line (r, _("Nothing recorded yet about their work or how you met."));

  end_section (r);
}

static void
render_standing (NbBriefing *self,
                 Renderer   *r)
{
  NbTrust *trust = self->trust;
  g_autofree char *stage = NULL;
  g_autofree char *scores = NULL;

  render_section (r, _("Where we stand"));

  stage = g_strdup_printf (_("Stage: %s"), nb_stage_get_label (nb_trust_get_stage (trust)));
  render_line (r, stage);

  scores = g_strdup_printf (_("Know %u · Like %u · Trust %u (out of 100)"),
                            nb_trust_get_score (trust, NB_DIMENSION_KNOW),
                            nb_trust_get_score (trust, NB_DIMENSION_LIKE),
                            nb_trust_get_score (trust, NB_DIMENSION_TRUST));
  render_line (r, scores);

  if (!nb_trust_get_pitch_ok (trust))
    render_line (r, _("Listen, don’t pitch yet: trust comes first."));

  if (nb_trust_get_going_cold (trust))
    {
      int days = nb_trust_get_days_since_contact (trust);
      g_autofree char *line = NULL;

      if (days >= 0)
        line = g_strdup_printf (ngettext ("Going cold: no contact for %d day",
                                          "Going cold: no contact for %d days",
                                          days),
                                days);
      else
        line = g_strdup (_("Going cold: no contact since you met"));

      render_line (r, line);
    }

  end_section (r);
}

static void
render_last_time (NbBriefing *self,
                  Renderer   *r)
{
  NbEntry *entry = self->last_conversation;
  g_autofree char *when = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *line = NULL;

  render_section (r, _("Last time"));

  if (entry == NULL)
    {
      render_line (r, _("No conversation or meeting recorded yet."));
      end_section (r);
      return;
    }

  when = nb_date_format_long (nb_entry_get_date (entry));
  relative = nb_date_format_relative (nb_entry_get_date (entry), self->today);
  /* Translators: "2 May 2024 (3 weeks ago), Meeting" */
  line = g_strdup_printf (_("%s (%s), %s"), when, relative,
                          nb_entry_kind_get_label (nb_entry_get_kind (entry)));
  render_line (r, line);

  if (has_text (nb_entry_get_text (entry)))
    {
      g_autofree char *text = render_user (r, nb_entry_get_text (entry));

      render_line (r, text);
    }

  end_section (r);
}

static void
render_open_items (NbBriefing *self,
                   Renderer   *r)
{
  static const NbEntryKind kinds[] = { NB_ENTRY_DREAM, NB_ENTRY_CHALLENGE, NB_ENTRY_NEED };

  render_section (r, _("Dreams, challenges and needs"));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *items = self->open_items[kinds[k]];

      for (guint i = 0; i < items->len; i++)
        {
          NbEntry *entry = g_ptr_array_index (items, i);
          g_autofree char *text = render_user (r, nb_entry_get_text (entry));
          g_autofree char *since = nb_date_format_long (nb_entry_get_date (entry));
          g_autofree char *item = NULL;

          /* Translators: "Challenge: hiring a bookkeeper (since 2 May 2024)" */
          item = g_strdup_printf (_("%s: %s (since %s)"),
                                  nb_entry_kind_get_label (kinds[k]), text, since);
          render_item (r, item);
        }
    }

  if (r->n_items == 0)
    render_line (r, _("None open: ask about their challenges for the next 6 to 12 months and their dreams."));

  end_section (r);
}

static void
render_promises (NbBriefing *self,
                 Renderer   *r)
{
  render_section (r, _("I promised"));

  for (guint i = 0; i < self->promises->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (self->promises, i);
      const char *due = nb_entry_get_due (entry);
      g_autofree char *text = render_user (r, nb_entry_get_text (entry));
      g_autofree char *due_long = NULL;
      g_autofree char *item = NULL;

      if (!nb_date_is_valid_iso (due))
        {
          render_item (r, text);
          continue;
        }

      due_long = nb_date_format_long (due);
      if (nb_entry_is_overdue (entry, self->today))
        /* Translators: an open follow-up past its due date */
        item = g_strdup_printf (_("OVERDUE: %s (due %s)"), text, due_long);
      else
        item = g_strdup_printf (_("%s (due %s)"), text, due_long);

      render_item (r, item);
    }

  if (r->n_items == 0)
    render_line (r, _("No open promises."));

  end_section (r);
}

static void
render_upcoming (NbBriefing *self,
                 Renderer   *r)
{
  render_section (r, _("Upcoming meetings"));

  for (guint i = 0; i < self->upcoming_meetings->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (self->upcoming_meetings, i);
      g_autofree char *when = nb_date_format_long (nb_entry_get_date (entry));
      g_autofree char *relative = nb_date_format_relative (nb_entry_get_date (entry), self->today);
      g_autofree char *item = NULL;

      if (has_text (nb_entry_get_text (entry)))
        {
          g_autofree char *text = render_user (r, nb_entry_get_text (entry));

          /* Translators: "20 June 2024 (in 2 weeks): coffee at the station" */
          item = g_strdup_printf (_("%s (%s): %s"), when, relative, text);
        }
      else
        {
          item = g_strdup_printf ("%s (%s)", when, relative);
        }

      render_item (r, item);
    }

  if (r->n_items == 0)
    render_line (r, _("No meeting scheduled."));

  end_section (r);
}

static void
render_goodwill (NbBriefing *self,
                 Renderer   *r)
{
  g_autofree char *line = NULL;

  render_section (r, _("Goodwill"));

  line = g_strdup_printf (_("Given %u · Received %u"), self->given, self->received);
  render_line (r, line);

  if (self->given == 0)
    render_line (r, _("You have not helped them yet: look for a way to help first."));

  end_section (r);
}

static void
render_field (NbBriefing    *self,
              Renderer      *r,
              const char    *heading,
              NbPersonField  field,
              const char    *when_empty)
{
  const char *value = nb_person_get_field (self->person, field);

  render_section (r, heading);

  if (has_text (value))
    {
      g_autofree char *text = render_user (r, value);

      render_line (r, text);
    }
  else
    {
      render_line (r, when_empty);
    }

  end_section (r);
}

static void
render_questions (NbBriefing *self,
                  Renderer   *r)
{
  render_section (r, _("Questions to ask"));

  for (guint q = 0; q < NB_N_QUESTIONS; q++)
    if (!nb_trust_is_question_answered (self->trust, (NbQuestion) q))
      render_item (r, nb_question_get_text ((NbQuestion) q));

  if (r->n_items == 0)
    render_line (r, _("You know the answers to all the interview questions."));

  end_section (r);
}

static void
render_helpers (NbBriefing *self,
                Renderer   *r)
{
  render_section (r, _("Who could help"));

  for (guint i = 0; i < self->helpers->len; i++)
    {
      NbBriefingHelper *helper = g_ptr_array_index (self->helpers, i);
      g_autofree char *name = render_user (r, nb_person_get_display_name (helper->helper));
      g_autofree char *reason = render_user (r, helper->reason != NULL ? helper->reason : "");
      g_autofree char *what = NULL;
      g_autofree char *item = NULL;

      if (helper->entry != NULL)
        {
          g_autofree char *text = render_user (r, nb_entry_get_text (helper->entry));

          if (nb_entry_get_kind (helper->entry) == NB_ENTRY_NEED)
            what = g_strdup_printf (_("for their need “%s”"), text);
          else
            what = g_strdup_printf (_("for their challenge “%s”"), text);
        }

      if (has_text (reason) && what != NULL)
        /* Translators: "Bob Smith (offers bookkeeping), for their need “…”" */
        item = g_strdup_printf (_("%s (%s), %s"), name, reason, what);
      else if (has_text (reason))
        item = g_strdup_printf ("%s (%s)", name, reason);
      else if (what != NULL)
        item = g_strdup_printf (_("%s, %s"), name, what);
      else
        item = g_strdup (name);

      render_item (r, item);
    }

  if (r->n_items == 0)
    {
      if (self->open_items[NB_ENTRY_CHALLENGE]->len + self->open_items[NB_ENTRY_NEED]->len > 0)
        render_line (r, _("Nobody in your network matches their open challenges or needs yet."));
      else
        render_line (r, _("No open challenge or need to help with."));
    }

  end_section (r);
}

static void
render_next_steps (NbBriefing *self,
                   Renderer   *r)
{
  const char * const *steps = nb_trust_get_next_steps (self->trust);

  render_section (r, _("Next steps"));

  /* Steps quote user text inside translated sentences. */
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *step = render_user (r, steps[i]);

      render_numbered (r, step);
    }

  if (r->n_items == 0)
    render_line (r, _("Nothing pressing: keep in touch."));

  end_section (r);
}

static char *
render (NbBriefing *self,
        gboolean    markdown)
{
  Renderer r = { g_string_new (NULL), markdown, 0 };
  g_autofree char *one_line = g_strdelimit (g_strdup (nb_person_get_display_name (self->person)), "\r\n", ' ');
  g_autofree char *name = render_user (&r, one_line);

  render_title (&r, name);
  render_who (self, &r);
  render_standing (self, &r);
  render_last_time (self, &r);
  render_open_items (self, &r);
  render_promises (self, &r);
  render_upcoming (self, &r);
  render_goodwill (self, &r);
  render_field (self, &r, _("Their ideal referral"), NB_PERSON_TARGET_MARKET,
                _("Not known yet: ask who their ideal client is."));
  render_field (self, &r, _("Common ground"), NB_PERSON_INTERESTS,
                _("Nothing recorded yet: find out what they enjoy outside work."));
  render_questions (self, &r);
  render_helpers (self, &r);
  render_next_steps (self, &r);

  return g_string_free (r.out, FALSE);
}

static void
nb_briefing_finalize (GObject *object)
{
  NbBriefing *self = (NbBriefing *) object;

  g_clear_object (&self->person);
  g_clear_object (&self->introducer);
  g_clear_object (&self->trust);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  for (guint i = 0; i < NB_N_ENTRY_KINDS; i++)
    g_clear_pointer (&self->open_items[i], g_ptr_array_unref);
  g_clear_pointer (&self->promises, g_ptr_array_unref);
  g_clear_pointer (&self->upcoming_meetings, g_ptr_array_unref);
  g_clear_pointer (&self->helpers, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_briefing_parent_class)->finalize (object);
}

static void
nb_briefing_class_init (NbBriefingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_briefing_finalize;
}

static void
nb_briefing_init (NbBriefing *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < NB_N_ENTRY_KINDS; i++)
    self->open_items[i] = g_ptr_array_new_with_free_func (g_object_unref);
  self->promises = g_ptr_array_new_with_free_func (g_object_unref);
  self->upcoming_meetings = g_ptr_array_new_with_free_func (g_object_unref);
}

NbBriefingHelper *
nb_briefing_helper_new (NbPerson   *helper,
                        NbEntry    *entry,
                        const char *reason)
{
  NbBriefingHelper *self;

  g_return_val_if_fail (NB_IS_PERSON (helper), NULL);
  g_return_val_if_fail (entry == NULL || NB_IS_ENTRY (entry), NULL);

  self = g_new0 (NbBriefingHelper, 1);
  self->helper = g_object_ref (helper);
  self->entry = entry != NULL ? g_object_ref (entry) : NULL;
  self->reason = g_strdup (reason);

  return self;
}

void
nb_briefing_helper_free (NbBriefingHelper *helper)
{
  if (helper == NULL)
    return;

  g_clear_object (&helper->helper);
  g_clear_object (&helper->entry);
  g_clear_pointer (&helper->reason, g_free);
  g_free (helper);
}

NbBriefing *
nb_briefing_new (NbPerson   *person,
                 GPtrArray  *entries,
                 NbPerson   *introducer,
                 GPtrArray  *helpers,
                 const char *today_iso)
{
  NbBriefing *self;

  g_return_val_if_fail (NB_IS_PERSON (person), NULL);
  g_return_val_if_fail (introducer == NULL || NB_IS_PERSON (introducer), NULL);
  g_return_val_if_fail (today_iso == NULL || nb_date_is_valid_iso (today_iso), NULL);

  self = g_object_new (NB_TYPE_BRIEFING, NULL);
  self->person = g_object_ref (person);
  self->introducer = introducer != NULL ? g_object_ref (introducer) : NULL;
  self->today = today_iso != NULL ? g_strdup (today_iso) : nb_date_today_iso ();
  self->helpers = helpers != NULL
    ? g_ptr_array_ref (helpers)
    : g_ptr_array_new_with_free_func ((GDestroyNotify) nb_briefing_helper_free);

  /* Our own array: the caller may reuse theirs. */
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_ptr_array_add (self->entries, g_object_ref (g_ptr_array_index (entries, i)));

  self->trust = nb_trust_compute (person, self->entries, self->today);
  sort_entries (self);

  return self;
}

NbPerson *
nb_briefing_get_person (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), NULL);

  return self->person;
}

NbPerson *
nb_briefing_get_introducer (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), NULL);

  return self->introducer;
}

NbTrust *
nb_briefing_get_trust (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), NULL);

  return self->trust;
}

const char *
nb_briefing_get_today (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), NULL);

  return self->today;
}

NbEntry *
nb_briefing_get_last_conversation (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), NULL);

  return self->last_conversation;
}

GPtrArray *
nb_briefing_get_open_items (NbBriefing  *self,
                            NbEntryKind  kind)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), NULL);
  g_return_val_if_fail ((int) kind >= 0 && kind < NB_N_ENTRY_KINDS, NULL);

  return self->open_items[kind];
}

GPtrArray *
nb_briefing_get_promises (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), NULL);

  return self->promises;
}

guint
nb_briefing_get_given (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), 0);

  return self->given;
}

guint
nb_briefing_get_received (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), 0);

  return self->received;
}

GPtrArray *
nb_briefing_get_upcoming_meetings (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), NULL);

  return self->upcoming_meetings;
}

GPtrArray *
nb_briefing_get_helpers (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), NULL);

  return self->helpers;
}

char *
nb_briefing_to_text (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), NULL);

  return render (self, FALSE);
}

char *
nb_briefing_to_markdown (NbBriefing *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING (self), NULL);

  return render (self, TRUE);
}
