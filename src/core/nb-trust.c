/* nb-trust.c: the know-like-trust indicator, computed from facts.
 *
 * Every number below is explained in docs/trust-model.md; change both
 * together. The model is deliberately additive and capped so that a user
 * can read the signals and see why a score is what it is, and so that
 * recording one more good fact can never lower a score.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-trust.h"

/* KNOW */
#define KNOW_QUESTION_POINTS        12
#define KNOW_NEEDS_POINTS            6
#define KNOW_INTERACTION_POINTS      4
#define KNOW_INTERACTION_CAP        20
#define KNOW_DETAIL_POINTS           3

/* LIKE */
#define LIKE_INTERESTS_POINTS       20
#define LIKE_RAPPORT_STEP           10
#define LIKE_INTERACTION_POINTS      3
#define LIKE_INTERACTION_CAP        15
#define LIKE_HELP_RECEIVED_POINTS   10
#define LIKE_INTRODUCED_POINTS      10

/* TRUST */
#define TRUST_MONTH_POINTS           2
#define TRUST_TIME_CAP              20
#define TRUST_MEETING_POINTS        10
#define TRUST_MEETING_CAP           30
#define TRUST_KEPT_POINTS            5
#define TRUST_KEPT_CAP              20
#define TRUST_BROKEN_POINTS        -10
#define TRUST_GIVEN_POINTS           5
#define TRUST_GIVEN_CAP             20
#define TRUST_RECEIVED_POINTS        5
#define TRUST_RECEIVED_CAP          15
#define TRUST_LAPSED_POINTS        -15
#define TRUST_LAPSED_TWICE_POINTS  -25

/* Stages and the pitch hint. */
#define PROFITABILITY_MIN_TRUST     60
#define CREDIBILITY_MIN_TRUST       30
#define CREDIBILITY_MIN_KNOW        40
#define PITCH_MIN_TRUST             50

#define MAX_NEXT_STEPS               5
#define EXCERPT_CHARS               60

struct _NbTrust
{
  GObject     parent_instance;

  guint       scores[NB_N_DIMENSIONS];
  GPtrArray  *signals[NB_N_DIMENSIONS];
  NbStage     stage;
  gboolean    pitch_ok;
  gboolean    answered[NB_N_QUESTIONS];
  /* char*, kept NULL-terminated so get_next_steps() can hand out pdata. */
  GPtrArray  *next_steps;
  int         days_since_contact;
  gboolean    going_cold;
};

/* What the timeline says, gathered in one pass. Only entries dated on or
 * before today count as things that happened. */
typedef struct {
  NbPerson   *person;
  const char *today;
  guint       n_conversations;
  guint       n_meetings;
  guint       n_upcoming_meetings;
  guint       n_kept;
  guint       n_given;
  guint       n_received;
  guint       n_referrals;
  gboolean    help_received;
  gboolean    has_dream;
  gboolean    has_challenge;
  gboolean    has_need;
  NbEntry    *open_challenge;  /* newest open */
  NbEntry    *open_need;       /* newest open */
  GPtrArray  *overdue;         /* NbEntry*, most overdue first */
  const char *first_date;      /* oldest entry that happened */
  const char *last_contact;    /* newest contact that happened */
  char       *known_since;     /* met_date, first entry or created */
} Facts;

/* printf-like, so the compiler checks every translated format. */
static void add_signal (NbTrust     *self,
                        NbDimension  dimension,
                        int          points,
                        const char  *format,
                        ...) G_GNUC_PRINTF (4, 5);

static void add_step (NbTrust    *self,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

G_DEFINE_BOXED_TYPE (NbSignal, nb_signal, nb_signal_copy, nb_signal_free)

G_DEFINE_FINAL_TYPE (NbTrust, nb_trust, G_TYPE_OBJECT)

static void
facts_clear (Facts *facts)
{
  g_clear_pointer (&facts->overdue, g_ptr_array_unref);
  g_clear_pointer (&facts->known_since, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

static gboolean
happened (NbEntry    *entry,
          const char *today)
{
  const char *date = nb_entry_get_date (entry);

  return nb_date_is_valid_iso (date) && nb_date_days_between (date, today) >= 0;
}

static gboolean
is_newer (NbEntry *a,
          NbEntry *b)
{
  int cmp;

  if (b == NULL)
    return TRUE;

  cmp = strcmp (nb_entry_get_date (a), nb_entry_get_date (b));
  if (cmp != 0)
    return cmp > 0;

  return nb_entry_get_id (a) > nb_entry_get_id (b);
}

static int
compare_by_due (gconstpointer a,
                gconstpointer b)
{
  NbEntry *ea = *(NbEntry * const *) a;
  NbEntry *eb = *(NbEntry * const *) b;
  int cmp = strcmp (nb_entry_get_due (ea), nb_entry_get_due (eb));

  if (cmp != 0)
    return cmp;

  return (nb_entry_get_id (ea) > nb_entry_get_id (eb)) - (nb_entry_get_id (ea) < nb_entry_get_id (eb));
}

/* The local date of a Unix timestamp: when the card was created. */
static char *
date_from_timestamp (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = NULL;

  if (timestamp <= 0)
    return NULL;

  dt = g_date_time_new_from_unix_local (timestamp);
  if (dt == NULL)
    return NULL;

  return g_date_time_format (dt, "%Y-%m-%d");
}

static void
gather_facts (Facts      *facts,
              NbPerson   *person,
              GPtrArray  *entries,
              const char *today)
{
  const char *met_date;

  facts->person = person;
  facts->today = today;
  facts->overdue = g_ptr_array_new ();

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (entries, i);
      NbEntryKind kind = nb_entry_get_kind (entry);
      NbStatus status = nb_entry_get_status (entry);

      /* Promises are judged by their due date, not by when they were
       * written down. */
      if (nb_entry_is_overdue (entry, today))
        g_ptr_array_add (facts->overdue, entry);

      if (!happened (entry, today))
        {
          if (kind == NB_ENTRY_MEETING && nb_date_is_valid_iso (nb_entry_get_date (entry)))
            facts->n_upcoming_meetings++;
          continue;
        }

      if (facts->first_date == NULL || strcmp (nb_entry_get_date (entry), facts->first_date) < 0)
        facts->first_date = nb_entry_get_date (entry);

      if (nb_entry_counts_as_contact (entry) &&
          (facts->last_contact == NULL || strcmp (nb_entry_get_date (entry), facts->last_contact) > 0))
        facts->last_contact = nb_entry_get_date (entry);

      switch (kind)
        {
        case NB_ENTRY_CONVERSATION:
          facts->n_conversations++;
          break;

        case NB_ENTRY_MEETING:
          facts->n_meetings++;
          break;

        case NB_ENTRY_DREAM:
          facts->has_dream = TRUE;
          break;

        case NB_ENTRY_CHALLENGE:
          facts->has_challenge = TRUE;
          if (status == NB_STATUS_OPEN && is_newer (entry, facts->open_challenge))
            facts->open_challenge = entry;
          break;

        case NB_ENTRY_NEED:
          facts->has_need = TRUE;
          if (status == NB_STATUS_OPEN && is_newer (entry, facts->open_need))
            facts->open_need = entry;
          break;

        case NB_ENTRY_HELP_GIVEN:
        case NB_ENTRY_INTRODUCTION:
          facts->n_given++;
          break;

        case NB_ENTRY_REFERRAL_GIVEN:
          facts->n_given++;
          facts->n_referrals++;
          break;

        case NB_ENTRY_HELP_RECEIVED:
          facts->n_received++;
          facts->help_received = TRUE;
          break;

        case NB_ENTRY_REFERRAL_RECEIVED:
          facts->n_received++;
          facts->n_referrals++;
          break;

        case NB_ENTRY_FOLLOW_UP:
          if (status == NB_STATUS_DONE)
            facts->n_kept++;
          break;

        case NB_ENTRY_NOTE:
        default:
          break;
        }
    }

  g_ptr_array_sort (facts->overdue, compare_by_due);

  met_date = nb_person_get_field (person, NB_PERSON_MET_DATE);
  if (nb_date_is_valid_iso (met_date) && nb_date_days_between (met_date, today) >= 0)
    facts->known_since = g_strdup (met_date);
  else if (facts->first_date != NULL)
    facts->known_since = g_strdup (facts->first_date);
  else
    facts->known_since = date_from_timestamp (nb_person_get_created (person));
}

/* First line of @text, at most EXCERPT_CHARS characters, for quoting
 * user text inside a sentence. */
static char *
dup_excerpt (const char *text)
{
  g_autofree char *line = NULL;
  const char *end = strchr (text, '\n');

  line = end != NULL ? g_strndup (text, (gsize) (end - text)) : g_strdup (text);
  g_strstrip (line);

  if (g_utf8_strlen (line, -1) > EXCERPT_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, EXCERPT_CHARS - 1);

      return g_strconcat (g_strchomp (cut), "…", NULL);
    }

  return g_steal_pointer (&line);
}

static void
add_signal (NbTrust     *self,
            NbDimension  dimension,
            int          points,
            const char  *format,
            ...)
{
  NbSignal *signal;
  va_list args;

  /* A fact worth nothing would only be noise in the explanation. */
  if (points == 0)
    return;

  signal = g_new0 (NbSignal, 1);
  signal->dimension = dimension;
  signal->points = points;

  va_start (args, format);
  signal->description = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->signals[dimension], signal);
}

static gboolean
field_known (NbPerson      *person,
             NbPersonField  field)
{
  const char *value = nb_person_get_field (person, field);

  while (g_ascii_isspace (*value))
    value++;

  return *value != '\0';
}

static int
capped (guint count,
        int   points,
        int   cap)
{
  return (int) MIN ((gint64) count * points, (gint64) cap);
}

static void
compute_questions (NbTrust *self,
                   Facts   *facts)
{
  NbPerson *person = facts->person;

  self->answered[NB_QUESTION_TARGET_MARKET] = field_known (person, NB_PERSON_TARGET_MARKET);
  self->answered[NB_QUESTION_WORK_LIKES] = field_known (person, NB_PERSON_WORK_LIKES);
  self->answered[NB_QUESTION_INDUSTRY_NEWS] = field_known (person, NB_PERSON_INDUSTRY_NEWS);
  self->answered[NB_QUESTION_CHALLENGES] = facts->has_challenge;
  self->answered[NB_QUESTION_CAREER_ORIGIN] = field_known (person, NB_PERSON_CAREER_ORIGIN);
  self->answered[NB_QUESTION_DREAMS] = facts->has_dream;
}

static void
compute_know (NbTrust *self,
              Facts   *facts)
{
  static const struct {
    NbQuestion  question;
    const char *description;
  } questions[] = {
    { NB_QUESTION_TARGET_MARKET, N_("knows their target market") },
    { NB_QUESTION_WORK_LIKES,    N_("knows what they like most about their work") },
    { NB_QUESTION_INDUSTRY_NEWS, N_("knows what is new in their industry") },
    { NB_QUESTION_CHALLENGES,    N_("knows their challenges") },
    { NB_QUESTION_CAREER_ORIGIN, N_("knows how they got into their profession") },
    { NB_QUESTION_DREAMS,        N_("knows their dreams") },
  };
  static const struct {
    NbPersonField  field;
    const char    *description;
  } details[] = {
    { NB_PERSON_OFFERS,   N_("knows what they offer") },
    { NB_PERSON_NETWORKS, N_("knows their networks") },
    { NB_PERSON_LOCATION, N_("knows where they are based") },
    { NB_PERSON_INDUSTRY, N_("knows their industry") },
  };
  guint n_interactions = facts->n_conversations + facts->n_meetings;

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    if (self->answered[questions[i].question])
      add_signal (self, NB_DIMENSION_KNOW, KNOW_QUESTION_POINTS, "%s", _(questions[i].description));

  if (facts->has_need)
    add_signal (self, NB_DIMENSION_KNOW, KNOW_NEEDS_POINTS, "%s", _("knows what they need"));

  add_signal (self, NB_DIMENSION_KNOW,
              capped (n_interactions, KNOW_INTERACTION_POINTS, KNOW_INTERACTION_CAP),
              ngettext ("%u conversation or meeting", "%u conversations and meetings", n_interactions),
              n_interactions);

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    if (field_known (facts->person, details[i].field))
      add_signal (self, NB_DIMENSION_KNOW, KNOW_DETAIL_POINTS, "%s", _(details[i].description));
}

static void
compute_like (NbTrust *self,
              Facts   *facts)
{
  guint rapport = nb_person_get_rapport (facts->person);

  if (field_known (facts->person, NB_PERSON_INTERESTS))
    add_signal (self, NB_DIMENSION_LIKE, LIKE_INTERESTS_POINTS, "%s",
                _("common ground: you know their interests"));

  /* A rating of 1 is "we met", not "we clash": it adds nothing rather
   * than taking away, so rating someone never hurts. */
  if (rapport > 0)
    add_signal (self, NB_DIMENSION_LIKE, (int) (rapport - 1) * LIKE_RAPPORT_STEP,
                _("rapport rated %u of 5"), rapport);

  add_signal (self, NB_DIMENSION_LIKE,
              capped (facts->n_conversations, LIKE_INTERACTION_POINTS, LIKE_INTERACTION_CAP),
              ngettext ("%u conversation", "%u conversations", facts->n_conversations),
              facts->n_conversations);

  if (facts->help_received)
    add_signal (self, NB_DIMENSION_LIKE, LIKE_HELP_RECEIVED_POINTS, "%s",
                _("they went out of their way to help you"));

  if (nb_person_get_introduced_by (facts->person) != 0)
    add_signal (self, NB_DIMENSION_LIKE, LIKE_INTRODUCED_POINTS, "%s",
                _("introduced by someone who vouched for them"));
}

static void
compute_contact (NbTrust *self,
                 Facts   *facts)
{
  guint cadence = nb_person_get_cadence_days (facts->person);
  int since_met;

  self->days_since_contact = facts->last_contact != NULL
    ? nb_date_days_between (facts->last_contact, facts->today)
    : -1;

  if (cadence == 0)
    return;

  if (self->days_since_contact >= 0)
    {
      self->going_cold = (guint) self->days_since_contact > cadence;
      return;
    }

  /* Never in touch since we met: the clock started when we met. */
  if (facts->known_since == NULL)
    return;

  since_met = nb_date_days_between (facts->known_since, facts->today);
  self->going_cold = since_met > 0 && (guint) since_met > cadence;
}

static void
compute_trust (NbTrust *self,
               Facts   *facts)
{
  guint cadence = nb_person_get_cadence_days (facts->person);

  if (facts->known_since != NULL)
    {
      int days = nb_date_days_between (facts->known_since, facts->today);
      guint months = days > 0 ? (guint) days / 30 : 0;

      add_signal (self, NB_DIMENSION_TRUST,
                  capped (months, TRUST_MONTH_POINTS, TRUST_TIME_CAP),
                  ngettext ("known for %u month", "known for %u months", months),
                  months);
    }

  add_signal (self, NB_DIMENSION_TRUST,
              capped (facts->n_meetings, TRUST_MEETING_POINTS, TRUST_MEETING_CAP),
              ngettext ("%u one-to-one meeting", "%u one-to-one meetings", facts->n_meetings),
              facts->n_meetings);

  add_signal (self, NB_DIMENSION_TRUST,
              capped (facts->n_kept, TRUST_KEPT_POINTS, TRUST_KEPT_CAP),
              ngettext ("%u follow-up kept", "%u follow-ups kept", facts->n_kept),
              facts->n_kept);

  /* One signal per broken promise: each is something to put right, and
   * the user should see which. Not capped: ten broken promises are worse
   * than three. */
  for (guint i = 0; i < facts->overdue->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (facts->overdue, i);
      g_autofree char *excerpt = dup_excerpt (nb_entry_get_text (entry));

      add_signal (self, NB_DIMENSION_TRUST, TRUST_BROKEN_POINTS,
                  _("promise overdue since %s: “%s”"),
                  nb_entry_get_due (entry), excerpt);
    }

  add_signal (self, NB_DIMENSION_TRUST,
              capped (facts->n_given, TRUST_GIVEN_POINTS, TRUST_GIVEN_CAP),
              ngettext ("you helped, referred or introduced them %u time",
                        "you helped, referred or introduced them %u times",
                        facts->n_given),
              facts->n_given);

  add_signal (self, NB_DIMENSION_TRUST,
              capped (facts->n_received, TRUST_RECEIVED_POINTS, TRUST_RECEIVED_CAP),
              ngettext ("they helped or referred you %u time",
                        "they helped or referred you %u times",
                        facts->n_received),
              facts->n_received);

  if (self->going_cold)
    {
      int days = self->days_since_contact >= 0
        ? self->days_since_contact
        : nb_date_days_between (facts->known_since, facts->today);
      int points = (guint) days > 2 * cadence ? TRUST_LAPSED_TWICE_POINTS : TRUST_LAPSED_POINTS;

      add_signal (self, NB_DIMENSION_TRUST, points,
                  ngettext ("no contact for %d day (cadence %u)",
                            "no contact for %d days (cadence %u)",
                            days),
                  days, cadence);
    }
}

static void
sum_scores (NbTrust *self)
{
  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    {
      int total = 0;

      for (guint i = 0; i < self->signals[d]->len; i++)
        total += ((NbSignal *) g_ptr_array_index (self->signals[d], i))->points;

      self->scores[d] = (guint) CLAMP (total, 0, 100);
    }
}

static void
compute_stage (NbTrust *self,
               Facts   *facts)
{
  guint know = self->scores[NB_DIMENSION_KNOW];
  guint trust = self->scores[NB_DIMENSION_TRUST];

  /* A referral either way is the proof that the relationship already
   * pays; trust alone is not profitability. */
  if (trust >= PROFITABILITY_MIN_TRUST && facts->n_referrals > 0)
    self->stage = NB_STAGE_PROFITABILITY;
  else if (trust >= CREDIBILITY_MIN_TRUST && know >= CREDIBILITY_MIN_KNOW)
    self->stage = NB_STAGE_CREDIBILITY;
  else
    self->stage = NB_STAGE_VISIBILITY;

  self->pitch_ok = trust >= PITCH_MIN_TRUST;
}

static void
add_step (NbTrust    *self,
          const char *format,
          ...)
{
  va_list args;

  if (self->next_steps->len - 1 >= MAX_NEXT_STEPS)
    return;

  va_start (args, format);
  g_ptr_array_insert (self->next_steps, (int) self->next_steps->len - 1,
                      g_strdup_vprintf (format, args));
  va_end (args);
}

static void
compute_next_steps (NbTrust *self,
                    Facts   *facts)
{
  /* The order is the order of urgency: a broken promise costs trust
   * every day, a cold relationship next; learning comes before helping,
   * and mentioning what we need comes last and only when earned. */
  for (guint i = 0; i < facts->overdue->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (facts->overdue, i);
      g_autofree char *excerpt = dup_excerpt (nb_entry_get_text (entry));
      g_autofree char *due = nb_date_format_long (nb_entry_get_due (entry));

      add_step (self, _("Follow up on the overdue promise “%s” (due %s)"), excerpt, due);
    }

  if (self->going_cold)
    {
      if (self->days_since_contact >= 0)
        add_step (self,
                  ngettext ("It’s been %d day: get back in touch",
                            "It’s been %d days: get back in touch",
                            self->days_since_contact),
                  self->days_since_contact);
      else
        add_step (self, "%s", _("No contact since you met: get in touch"));
    }

  for (guint q = 0; q < NB_N_QUESTIONS; q++)
    {
      if (!self->answered[q])
        {
          add_step (self, _("Ask them: “%s”"), nb_question_get_text ((NbQuestion) q));
          break;
        }
    }

  if (facts->n_meetings == 0 && facts->n_upcoming_meetings == 0)
    add_step (self, "%s", _("Schedule a 1-to-1 to learn what they do and how you could help"));

  if (facts->open_challenge != NULL)
    {
      g_autofree char *excerpt = dup_excerpt (nb_entry_get_text (facts->open_challenge));

      add_step (self, _("Offer help with their challenge “%s”"), excerpt);
    }

  if (facts->open_need != NULL)
    {
      g_autofree char *excerpt = dup_excerpt (nb_entry_get_text (facts->open_need));

      add_step (self, _("Offer help with their need “%s”"), excerpt);
    }

  if (self->pitch_ok)
    add_step (self, "%s", _("Look for an opportunity to mention what you need"));
}

static void
nb_trust_finalize (GObject *object)
{
  NbTrust *self = (NbTrust *) object;

  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    g_clear_pointer (&self->signals[d], g_ptr_array_unref);
  g_clear_pointer (&self->next_steps, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_trust_parent_class)->finalize (object);
}

static void
nb_trust_class_init (NbTrustClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_trust_finalize;
}

static void
nb_trust_init (NbTrust *self)
{
  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    self->signals[d] = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_signal_free);

  self->next_steps = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->next_steps, NULL);

  self->stage = NB_STAGE_VISIBILITY;
  self->days_since_contact = -1;
}

const char *
nb_question_get_text (NbQuestion question)
{
  switch (question)
    {
    case NB_QUESTION_TARGET_MARKET:
      return _("Who is your ideal client, and how would I recognise one?");
    case NB_QUESTION_WORK_LIKES:
      return _("What do you like most about your work?");
    case NB_QUESTION_INDUSTRY_NEWS:
      return _("What’s new in your industry?");
    case NB_QUESTION_CHALLENGES:
      return _("What are your biggest challenges for the next 6 to 12 months?");
    case NB_QUESTION_CAREER_ORIGIN:
      return _("What got you into your profession?");
    case NB_QUESTION_DREAMS:
      return _("What would you love to achieve in the next few years?");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
nb_question_to_string (NbQuestion question)
{
  switch (question)
    {
    case NB_QUESTION_TARGET_MARKET:
      return "target-market";
    case NB_QUESTION_WORK_LIKES:
      return "work-likes";
    case NB_QUESTION_INDUSTRY_NEWS:
      return "industry-news";
    case NB_QUESTION_CHALLENGES:
      return "challenges";
    case NB_QUESTION_CAREER_ORIGIN:
      return "career-origin";
    case NB_QUESTION_DREAMS:
      return "dreams";
    default:
      g_return_val_if_reached (NULL);
    }
}

NbSignal *
nb_signal_copy (const NbSignal *signal)
{
  NbSignal *copy;

  g_return_val_if_fail (signal != NULL, NULL);

  copy = g_new0 (NbSignal, 1);
  copy->dimension = signal->dimension;
  copy->points = signal->points;
  copy->description = g_strdup (signal->description);

  return copy;
}

void
nb_signal_free (NbSignal *signal)
{
  if (signal == NULL)
    return;

  g_free (signal->description);
  g_free (signal);
}

NbTrust *
nb_trust_compute (NbPerson   *person,
                  GPtrArray  *entries,
                  const char *today_iso)
{
  g_autoptr(NbTrust) self = NULL;
  g_auto(Facts) facts = { 0 };
  g_autofree char *today = NULL;

  g_return_val_if_fail (NB_IS_PERSON (person), NULL);
  g_return_val_if_fail (today_iso == NULL || nb_date_is_valid_iso (today_iso), NULL);

  today = today_iso != NULL ? g_strdup (today_iso) : nb_date_today_iso ();
  self = g_object_new (NB_TYPE_TRUST, NULL);

  gather_facts (&facts, person, entries, today);

  compute_questions (self, &facts);
  compute_contact (self, &facts);
  compute_know (self, &facts);
  compute_like (self, &facts);
  compute_trust (self, &facts);
  sum_scores (self);
  compute_stage (self, &facts);
  compute_next_steps (self, &facts);

  return g_steal_pointer (&self);
}

guint
nb_trust_get_score (NbTrust     *self,
                    NbDimension  dimension)
{
  g_return_val_if_fail (NB_IS_TRUST (self), 0);
  g_return_val_if_fail ((int) dimension >= 0 && dimension < NB_N_DIMENSIONS, 0);

  return self->scores[dimension];
}

NbStage
nb_trust_get_stage (NbTrust *self)
{
  g_return_val_if_fail (NB_IS_TRUST (self), NB_STAGE_VISIBILITY);

  return self->stage;
}

gboolean
nb_trust_get_pitch_ok (NbTrust *self)
{
  g_return_val_if_fail (NB_IS_TRUST (self), FALSE);

  return self->pitch_ok;
}

GPtrArray *
nb_trust_get_signals (NbTrust     *self,
                      NbDimension  dimension)
{
  g_return_val_if_fail (NB_IS_TRUST (self), NULL);
  g_return_val_if_fail ((int) dimension >= 0 && dimension < NB_N_DIMENSIONS, NULL);

  return self->signals[dimension];
}

gboolean
nb_trust_is_question_answered (NbTrust    *self,
                               NbQuestion  question)
{
  g_return_val_if_fail (NB_IS_TRUST (self), FALSE);
  g_return_val_if_fail ((int) question >= 0 && question < NB_N_QUESTIONS, FALSE);

  return self->answered[question];
}

const char * const *
nb_trust_get_next_steps (NbTrust *self)
{
  g_return_val_if_fail (NB_IS_TRUST (self), NULL);

  return (const char * const *) self->next_steps->pdata;
}

void
nb_trust_insert_next_step (NbTrust    *self,
                           int         position,
                           const char *step)
{
  int n_steps;

  g_return_if_fail (NB_IS_TRUST (self));
  g_return_if_fail (step != NULL);

  /* The store's steps are not subject to MAX_NEXT_STEPS: it decides
   * itself what is worth adding. */
  n_steps = (int) self->next_steps->len - 1;
  if (position < 0 || position > n_steps)
    position = n_steps;

  g_ptr_array_insert (self->next_steps, position, g_strdup (step));
}

int
nb_trust_get_days_since_contact (NbTrust *self)
{
  g_return_val_if_fail (NB_IS_TRUST (self), -1);

  return self->days_since_contact;
}

gboolean
nb_trust_get_going_cold (NbTrust *self)
{
  g_return_val_if_fail (NB_IS_TRUST (self), FALSE);

  return self->going_cold;
}
