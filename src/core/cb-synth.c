/* cb-synth.c: synthetic projects for benchmarks and tests
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a project of a given size that is shaped like a real one (people,
 * partners, skills, outcomes, courses with objectives, modules, mappings,
 * assessments, offerings and reviews) and that passes the validator
 * without errors. The same size and seed always give the same project,
 * apart from its random ids.
 */

#define G_LOG_DOMAIN "cb-synth"

#include "config.h"

#include "cb-synth.h"

static const char *topics[] = {
  "kinematics", "coordinate frames", "teach pendant", "offline programming", "safety zones",
  "PLC ladder logic", "fieldbus", "OPC UA", "vision calibration", "gripper design",
  "path planning", "maintenance", "quality inspection", "HMI design", "digital twin",
};
static const char *methods[] = { "lecture", "lab", "case", "project", "on-site" };
static const char *levels[] = { "introduced", "reinforced", "mastered" };
static const char *strengths[] = { "H", "M", "L" };

static CbEntity *
add (CbEntity   *parent,
     const char *field,
     CbKind      kind)
{
  g_autoptr (CbEntity) child = cb_entity_new_with_id (kind);

  cb_entity_append_child (parent, field, child);
  return child;
}

static void
set_hours (CbEntity *entity,
           double    theory,
           double    practice)
{
  CbEntity *hours = cb_entity_ensure_object (entity, "hours");

  cb_entity_set_number (hours, "theory", theory);
  cb_entity_set_number (hours, "practice", practice);
}

static void
build_course (CbProject         *project,
              CbEntity          *course,
              const CbSynthSize *size,
              guint              c,
              GPtrArray         *people,
              GPtrArray         *partners,
              GPtrArray         *skills,
              GPtrArray         *indicators,
              GRand             *rand)
{
  g_autofree char *code = g_strdup_printf ("RB%03u", c + 1);
  g_autofree char *title = g_strdup_printf ("Robotics course %u", c + 1);
  g_autoptr (GPtrArray) objectives = g_ptr_array_new ();
  g_autoptr (GPtrArray) assessments = g_ptr_array_new ();
  guint n_objectives = 4;
  double theory_per_module = 2, practice_per_module = 2;
  CbEntity *team;
  CbEntity *offering;

  cb_entity_set_string (course, "code", code);
  cb_entity_set_string (course, "title", title);
  cb_entity_set_number (course, "credits", 2 + (c % 4) * 0.5);
  set_hours (course, theory_per_module * size->n_modules, practice_per_module * size->n_modules);
  cb_entity_set_int (course, "semester", 1 + c % 6);
  cb_entity_set_string (course, "category", c % 5 == 4 ? "elective" : "required");
  cb_entity_set_string (course, "description",
                        "A course of the synthetic benchmark project.\n\n"
                        "- taught with an enterprise partner\n- assessed by projects");

  team = add (course, "team", CB_KIND_TEAM_MEMBER);
  cb_entity_set_string (team, "person", cb_entity_get_id (g_ptr_array_index (people, (c * 2) % people->len)));
  cb_entity_set_string (team, "role", "lead");
  team = add (course, "team", CB_KIND_TEAM_MEMBER);
  cb_entity_set_string (team, "person", cb_entity_get_id (g_ptr_array_index (people, (c * 2 + 1) % people->len)));
  cb_entity_set_string (team, "role", "enterprise-mentor");

  for (guint o = 0; o < n_objectives; o++)
    {
      CbEntity *objective = add (course, "objectives", CB_KIND_OBJECTIVE);
      g_autofree char *ocode = g_strdup_printf ("CO%u", o + 1);
      CbEntity *support = add (objective, "supports", CB_KIND_SUPPORT);
      guint indicator = (c * n_objectives + o) % indicators->len;

      cb_entity_set_string (objective, "code", ocode);
      cb_entity_set_string (objective, "text", "Students can program and commission a robot cell safely.");
      cb_entity_set_string (objective, "kind", o % 3 == 0 ? "knowledge" : o % 3 == 1 ? "skill" : "attitude");
      cb_entity_set_string (support, "indicator", cb_entity_get_id (g_ptr_array_index (indicators, indicator)));
      cb_entity_set_string (support, "strength", strengths[g_rand_int_range (rand, 0, 3)]);
      g_ptr_array_add (objectives, objective);
    }

  for (guint m = 0; m < size->n_modules; m++)
    {
      CbEntity *module = add (course, "modules", CB_KIND_MODULE);
      g_autofree char *mtitle = g_strdup_printf ("Module %u.%u", c + 1, m + 1);
      const char *module_topics[4] = { NULL };
      const char *module_methods[3] = { NULL };
      const char *module_objectives[2] = { NULL };
      const char *module_authors[2] = { NULL };

      cb_entity_set_string (module, "title", mtitle);
      cb_entity_set_string (module, "summary", "Theory and practice on the robot cell.");
      set_hours (module, theory_per_module, practice_per_module);
      for (guint t = 0; t < 3; t++)
        module_topics[t] = topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))];
      cb_entity_set_strv (module, "topics", module_topics);
      module_methods[0] = methods[m % G_N_ELEMENTS (methods)];
      module_methods[1] = methods[(m + 1) % G_N_ELEMENTS (methods)];
      cb_entity_set_strv (module, "methods", module_methods);
      module_objectives[0] = cb_entity_get_id (g_ptr_array_index (objectives, m % n_objectives));
      cb_entity_set_strv (module, "objectives", module_objectives);
      module_authors[0] = cb_entity_get_id (g_ptr_array_index (people, (c * 2 + m) % people->len));
      cb_entity_set_strv (module, "authors", module_authors);

      for (guint s = 0; s < size->skills_per_module; s++)
        {
          CbEntity *mapping = add (module, "skills", CB_KIND_MODULE_SKILL);
          guint skill = (c * size->n_modules * size->skills_per_module +
                         m * size->skills_per_module + s) % skills->len;

          cb_entity_set_string (mapping, "skill", cb_entity_get_id (g_ptr_array_index (skills, skill)));
          cb_entity_set_string (mapping, "level", levels[(m * 3) / MAX (size->n_modules, 1)]);
        }

      if (m % 5 == 0)
        {
          CbEntity *practical = cb_entity_ensure_object (module, "project");
          CbEntity *resource = add (module, "resources", CB_KIND_RESOURCE);
          const char *partner = cb_entity_get_id (g_ptr_array_index (partners, (c + m) % partners->len));
          const char *module_partners[2] = { partner, NULL };

          cb_entity_set_string (practical, "title", "Palletising cell for a packaging line");
          cb_entity_set_string (practical, "partner", partner);
          cb_entity_set_string (resource, "kind", "enterprise-case");
          cb_entity_set_string (resource, "title", "Commissioning report of a welding line");
          cb_entity_set_string (resource, "partner", partner);
          cb_entity_set_strv (module, "partners", module_partners);
        }
      cb_entity_set_string (module, "status", m % 3 == 0 ? "approved" : "draft");
    }

  for (guint a = 0; a < n_objectives; a++)
    {
      CbEntity *assessment = add (course, "assessments", CB_KIND_ASSESSMENT);
      CbEntity *target = add (assessment, "targets", CB_KIND_TARGET);
      const char *assessors[2] = { cb_entity_get_id (g_ptr_array_index (people, (c * 2) % people->len)), NULL };
      static const char *kinds[] = { "exam", "project", "lab", "enterprise-evaluation" };
      static const char *titles[] = { "Final exam", "Cell project", "Lab reports", "Mentor evaluation" };

      cb_entity_set_string (assessment, "title", titles[a % 4]);
      cb_entity_set_string (assessment, "kind", kinds[a % 4]);
      cb_entity_set_number (assessment, "weight", 100.0 / n_objectives);
      cb_entity_set_strv (assessment, "assessors", assessors);
      cb_entity_set_string (target, "objective", cb_entity_get_id (g_ptr_array_index (objectives, a)));
      cb_entity_set_number (target, "weight", 100);
      g_ptr_array_add (assessments, assessment);
    }

  offering = add (course, "offerings", CB_KIND_OFFERING);
  cb_entity_set_string (offering, "term", "2026-fall");
  cb_entity_set_int (offering, "students", 30 + c % 20);
  for (guint a = 0; a < assessments->len; a++)
    {
      CbEntity *result = add (offering, "results", CB_KIND_RESULT);

      cb_entity_set_string (result, "assessment", cb_entity_get_id (g_ptr_array_index (assessments, a)));
      cb_entity_set_string (result, "objective", cb_entity_get_id (g_ptr_array_index (objectives, a)));
      cb_entity_set_number (result, "max_score", 100);
      cb_entity_set_number (result, "mean_score", 60 + g_rand_int_range (rand, 0, 350) / 10.0);
    }

  {
    CbEntity *textbook = add (course, "textbooks", CB_KIND_TEXTBOOK);

    cb_entity_set_string (textbook, "title", "Industrial Robotics: Programming and Applications");
    cb_entity_set_string (textbook, "authors", "A. Author, B. Author");
    cb_entity_set_string (textbook, "publisher", "Example Press");
    cb_entity_set_int (textbook, "year", 2024);
  }
  cb_entity_set_string (course, "status", "draft");
}

/**
 * cb_synth_project:
 * @size: how large
 *
 * Returns: (transfer full): a new, realistic-looking synthetic project
 */
CbProject *
cb_synth_project (const CbSynthSize *size)
{
  CbProject *project = cb_project_new ();
  CbEntity *root = CB_ENTITY (project);
  g_autoptr (GRand) rand = g_rand_new_with_seed (size->seed);
  g_autoptr (GPtrArray) people = g_ptr_array_new ();
  g_autoptr (GPtrArray) partners = g_ptr_array_new ();
  g_autoptr (GPtrArray) skills = g_ptr_array_new ();
  g_autoptr (GPtrArray) indicators = g_ptr_array_new ();
  guint n_people = MAX (4, size->n_courses / 2 * 2);
  CbEntity *obj;

  g_return_val_if_fail (size->n_skills > 0 && size->n_outcomes > 0, NULL);

  cb_project_begin_group (project, NULL);
  cb_entity_set_string (root, "title", "Synthetic robotics curriculum");
  cb_entity_set_string (root, "language", "en");
  obj = cb_entity_ensure_object (root, "institution");
  cb_entity_set_string (obj, "name", "Benchmark Polytechnic");
  cb_entity_set_string (obj, "department", "School of Intelligent Manufacturing");
  obj = cb_entity_ensure_object (root, "program");
  cb_entity_set_string (obj, "name", "Industrial Robot Technology");
  cb_entity_set_string (obj, "code", "460305");
  cb_entity_set_string (obj, "level", "higher-vocational");

  for (guint i = 0; i < MAX (4u, size->n_courses / 6); i++)
    {
      CbEntity *partner = add (root, "partners", CB_KIND_PARTNER);
      g_autofree char *name = g_strdup_printf ("Partner company %u", i + 1);
      CbEntity *agreement;
      CbEntity *responsibility;

      cb_entity_set_string (partner, "name", name);
      cb_entity_set_string (partner, "kind", i % 4 == 3 ? "training-base" : "enterprise");
      cb_entity_set_string (partner, "region", "Jiangsu");
      agreement = cb_entity_ensure_object (partner, "agreement");
      cb_entity_set_string (agreement, "signed", "2025-09-01");
      cb_entity_set_string (agreement, "until", "2028-08-31");
      responsibility = add (agreement, "responsibilities", CB_KIND_RESPONSIBILITY);
      cb_entity_set_string (responsibility, "party", "partner");
      cb_entity_set_string (responsibility, "text", "Provide mentors and practical projects.");
      g_ptr_array_add (partners, partner);
    }

  for (guint i = 0; i < n_people; i++)
    {
      CbEntity *person = add (root, "people", CB_KIND_PERSON);
      g_autofree char *name = g_strdup_printf ("Person %u", i + 1);

      cb_entity_set_string (person, "name", name);
      cb_entity_set_string (person, "role", i % 2 == 0 ? "teacher" : "enterprise-expert");
      if (i % 2 == 1)
        cb_entity_set_string (person, "organization",
                              cb_entity_get_id (g_ptr_array_index (partners, i % partners->len)));
      g_ptr_array_add (people, person);
    }

  for (guint i = 0; i < size->n_skills; i++)
    {
      CbEntity *skill = add (root, "skills", CB_KIND_SKILL);
      g_autofree char *code = g_strdup_printf ("S%04u", i + 1);
      g_autofree char *title = g_strdup_printf ("Skill %u: %s", i + 1,
                                                topics[i % G_N_ELEMENTS (topics)]);
      const char *requested[2] = { cb_entity_get_id (g_ptr_array_index (partners, i % partners->len)), NULL };
      CbEntity *source;

      cb_entity_set_string (skill, "code", code);
      cb_entity_set_string (skill, "title", title);
      cb_entity_set_string (skill, "category", "technical");
      /* Every skill is reached at least "introduced"; important ones ask no more. */
      cb_entity_set_int (skill, "importance", 1 + g_rand_int_range (rand, 0, 5));
      cb_entity_set_string (skill, "level_required", "introduced");
      cb_entity_set_strv (skill, "requested_by", requested);
      source = cb_entity_ensure_object (skill, "source");
      cb_entity_set_string (source, "framework", "custom");
      g_ptr_array_add (skills, skill);
    }

  for (guint i = 0; i < size->n_outcomes; i++)
    {
      CbEntity *outcome = add (root, "outcomes", CB_KIND_OUTCOME);
      g_autofree char *code = g_strdup_printf ("GR%u", i + 1);

      cb_entity_set_string (outcome, "code", code);
      cb_entity_set_string (outcome, "title", "Graduation requirement");
      for (guint j = 0; j < size->n_indicators; j++)
        {
          CbEntity *indicator = add (outcome, "indicators", CB_KIND_INDICATOR);
          g_autofree char *icode = g_strdup_printf ("%u.%u", i + 1, j + 1);

          cb_entity_set_string (indicator, "code", icode);
          cb_entity_set_string (indicator, "text", "Can apply engineering knowledge to robot systems.");
          g_ptr_array_add (indicators, indicator);
        }
      if (size->n_indicators == 0)
        g_ptr_array_add (indicators, outcome);
    }

  for (guint c = 0; c < size->n_courses; c++)
    {
      g_autoptr (CbEntity) course = cb_entity_new_with_id (CB_KIND_COURSE);

      /* Built detached, then inserted: one recorded step per course. */
      build_course (project, course, size, c, people, partners, skills, indicators, rand);
      cb_entity_append_child (root, "courses", course);
    }

  for (guint i = 0; i < size->n_courses / 4; i++)
    {
      CbEntity *review = add (root, "reviews", CB_KIND_REVIEW);
      CbEntity *reply = add (review, "replies", CB_KIND_REPLY);
      CbEntity *course = cb_entity_get_child (root, "courses", i);

      cb_entity_set_string (review, "target", cb_entity_get_id (course));
      cb_entity_set_string (review, "author", cb_entity_get_id (g_ptr_array_index (people, 1)));
      cb_entity_set_string (review, "created", "2026-10-12T08:30:00Z");
      cb_entity_set_string (review, "kind", "comment");
      cb_entity_set_string (review, "text", "Please add a module on collaborative robots.");
      cb_entity_set_string (review, "status", "resolved");
      cb_entity_set_string (reply, "author", cb_entity_get_id (g_ptr_array_index (people, 0)));
      cb_entity_set_string (reply, "created", "2026-10-13T09:00:00Z");
      cb_entity_set_string (reply, "text", "Added in module 5.");
    }
  cb_project_end_group (project);

  return project;
}
