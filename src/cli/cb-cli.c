/* cb-cli.c: coursebridge-cli, the headless tool
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 all well, 1 problems of severity error found, 2 could not
 * run (bad arguments, unreadable file, not JSON, newer format version).
 */

#define G_LOG_DOMAIN "cb-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "coursebridge-core.h"
#include "cb-cli.h"

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_CANNOT_RUN = 2,
};

static void
print_json (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int              min_args,
               int              max_args)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  /* argv[0] is the command name. */
  if (*argc - 1 < min_args || (max_args >= 0 && *argc - 1 > max_args))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return FALSE;
    }
  return TRUE;
}

static CbProject *
load_or_report (const char  *path,
                gboolean     as_json)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GError) error = NULL;
  CbProject *project = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);

  if (project != NULL)
    return project;

  if (as_json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, path);
      json_builder_set_member_name (builder, "error");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, error->message);
      if (error->domain == CB_PROJECT_ERROR)
        {
          static const char *codes[] = {
            "invalid-json", "not-a-project", "newer-version", "old-version", "too-large",
            "changed-on-disk", "read-only",
          };

          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, error->code < (int) G_N_ELEMENTS (codes)
                                                  ? codes[error->code] : "unknown");
          if (cb_project_error_get_line (error) > 0)
            {
              json_builder_set_member_name (builder, "line");
              json_builder_add_int_value (builder, cb_project_error_get_line (error));
              json_builder_set_member_name (builder, "column");
              json_builder_add_int_value (builder, cb_project_error_get_column (error));
            }
          if (cb_project_error_get_path (error) != NULL && *cb_project_error_get_path (error) != '\0')
            {
              json_builder_set_member_name (builder, "path");
              json_builder_add_string_value (builder, cb_project_error_get_path (error));
            }
        }
      else
        {
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, "unreadable");
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    /* Translators: a file name and an error message */
    g_printerr (_("%s: %s\n"), path, error->message);
  return NULL;
}

/* new */

static int
command_new (int    argc,
             char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *language = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The project’s title"), N_("TITLE") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the content, as a BCP 47 tag such as en or zh-CN"), N_("TAG") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace the file if it exists"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE — create a new, empty project"));
  g_autoptr (CbProject) project = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, 1))
    return EXIT_CANNOT_RUN;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!force && g_file_query_exists (file, NULL))
    {
      g_printerr (_("%s already exists; use --force to replace it.\n"), argv[1]);
      return EXIT_CANNOT_RUN;
    }

  project = cb_project_new ();
  cb_entity_set_string (CB_ENTITY (project), "title", title ? title : _("Untitled curriculum"));
  cb_entity_set_string (CB_ENTITY (project), "language", language ? language : "en");
  if (!cb_project_save_to_file (project, file, CB_SAVE_NONE, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_CANNOT_RUN;
    }
  g_print (_("Created %s\n"), argv[1]);
  return EXIT_OK;
}

/* info */

static const char *list_names[] = { "people", "partners", "skills", "outcomes", "courses", "reviews" };

typedef struct
{
  guint modules;
  guint objectives;
  guint indicators;
  guint mappings;
  guint assessments;
} Counts;

static void
count_project (CbProject *project,
               Counts    *counts)
{
  GListModel *courses = cb_project_get_list (project, "courses");
  GListModel *outcomes = cb_project_get_list (project, "outcomes");

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr (CbEntity) outcome = g_list_model_get_item (outcomes, i);

      counts->indicators += cb_entity_get_n_children (outcome, "indicators");
    }
  for (guint i = 0; i < g_list_model_get_n_items (courses); i++)
    {
      g_autoptr (CbEntity) course = g_list_model_get_item (courses, i);
      GListModel *modules = cb_entity_get_children (course, "modules");

      counts->objectives += cb_entity_get_n_children (course, "objectives");
      counts->assessments += cb_entity_get_n_children (course, "assessments");
      counts->modules += g_list_model_get_n_items (modules);
      for (guint j = 0; j < g_list_model_get_n_items (modules); j++)
        {
          g_autoptr (CbEntity) module = g_list_model_get_item (modules, j);

          counts->mappings += cb_entity_get_n_children (module, "skills");
        }
    }
}

static int
command_info (int    argc,
              char **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the information as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE — describe a project"));
  g_autoptr (CbProject) project = NULL;
  g_autoptr (GListStore) problems = NULL;
  CbEntity *root;
  CbEntity *program;
  Counts counts;
  guint errors, warnings;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, 1))
    return EXIT_CANNOT_RUN;

  project = load_or_report (argv[1], as_json);
  if (project == NULL)
    return EXIT_CANNOT_RUN;

  root = CB_ENTITY (project);
  program = cb_entity_get_object (root, "program");
  problems = cb_validate (project);
  errors = cb_problems_count (G_LIST_MODEL (problems), CB_SEVERITY_ERROR);
  warnings = cb_problems_count (G_LIST_MODEL (problems), CB_SEVERITY_WARNING);
  count_project (project, &counts);

  if (as_json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      const char *strings[] = { "id", "title", "language", "created", "modified" };

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "format_version");
      json_builder_add_int_value (builder, cb_project_get_file_version (project));
      for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
        {
          json_builder_set_member_name (builder, strings[i]);
          if (cb_entity_get_string (root, strings[i]))
            json_builder_add_string_value (builder, cb_entity_get_string (root, strings[i]));
          else
            json_builder_add_null_value (builder);
        }
      json_builder_set_member_name (builder, "program");
      if (program && cb_entity_get_string (program, "name"))
        json_builder_add_string_value (builder, cb_entity_get_string (program, "name"));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (list_names); i++)
        {
          json_builder_set_member_name (builder, list_names[i]);
          json_builder_add_int_value (builder, cb_entity_get_n_children (root, list_names[i]));
        }
      json_builder_set_member_name (builder, "indicators");
      json_builder_add_int_value (builder, counts.indicators);
      json_builder_set_member_name (builder, "objectives");
      json_builder_add_int_value (builder, counts.objectives);
      json_builder_set_member_name (builder, "modules");
      json_builder_add_int_value (builder, counts.modules);
      json_builder_set_member_name (builder, "module_skills");
      json_builder_add_int_value (builder, counts.mappings);
      json_builder_set_member_name (builder, "assessments");
      json_builder_add_int_value (builder, counts.assessments);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "errors");
      json_builder_add_int_value (builder, errors);
      json_builder_set_member_name (builder, "warnings");
      json_builder_add_int_value (builder, warnings);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      g_print (_("Title:        %s\n"), cb_project_get_title (project) ?: _("(untitled)"));
      g_print (_("Program:      %s\n"),
               program && cb_entity_get_string (program, "name")
               ? cb_entity_get_string (program, "name") : _("(none)"));
      g_print (_("Language:     %s\n"), cb_entity_get_string (root, "language") ?: _("(not set)"));
      g_print (_("Format:       version %lld\n"), (long long) cb_project_get_file_version (project));
      g_print (_("Courses:      %u (%u modules, %u objectives, %u assessments)\n"),
               cb_entity_get_n_children (root, "courses"), counts.modules, counts.objectives,
               counts.assessments);
      g_print (_("Skills:       %u (%u module mappings)\n"),
               cb_entity_get_n_children (root, "skills"), counts.mappings);
      g_print (_("Outcomes:     %u (%u indicators)\n"),
               cb_entity_get_n_children (root, "outcomes"), counts.indicators);
      g_print (_("People:       %u\n"), cb_entity_get_n_children (root, "people"));
      g_print (_("Partners:     %u\n"), cb_entity_get_n_children (root, "partners"));
      g_print (_("Reviews:      %u\n"), cb_entity_get_n_children (root, "reviews"));
      g_print (_("Problems:     %u errors, %u warnings\n"), errors, warnings);
    }
  return EXIT_OK;
}

/* validate */

static int
command_validate (int    argc,
                  char **argv)
{
  gboolean as_json = FALSE;
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the problems as JSON"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print only the summary"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE — check a project for problems"));
  g_autoptr (CbProject) project = NULL;
  g_autoptr (GListStore) problems = NULL;
  guint n, errors, warnings;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Exit status: 0 when the project has no errors (warnings allowed), 1 when it has errors, "
      "2 when it could not be read."));
  if (!parse_options (context, &argc, &argv, 1, 1))
    return EXIT_CANNOT_RUN;

  project = load_or_report (argv[1], as_json);
  if (project == NULL)
    return EXIT_CANNOT_RUN;

  problems = cb_validate (project);
  n = g_list_model_get_n_items (G_LIST_MODEL (problems));
  errors = cb_problems_count (G_LIST_MODEL (problems), CB_SEVERITY_ERROR);
  warnings = cb_problems_count (G_LIST_MODEL (problems), CB_SEVERITY_WARNING);

  if (as_json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "errors");
      json_builder_add_int_value (builder, errors);
      json_builder_set_member_name (builder, "warnings");
      json_builder_add_int_value (builder, warnings);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (CbProblem) problem = g_list_model_get_item (G_LIST_MODEL (problems), i);
          CbEntity *entity = cb_problem_get_entity (problem);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "severity");
          json_builder_add_string_value (builder, cb_severity_to_string (cb_problem_get_severity (problem)));
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, cb_problem_get_code (problem));
          json_builder_set_member_name (builder, "path");
          json_builder_add_string_value (builder, cb_problem_get_path (problem));
          json_builder_set_member_name (builder, "entity");
          if (entity && cb_entity_get_id (entity))
            json_builder_add_string_value (builder, cb_entity_get_id (entity));
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, entity ? cb_kind_get_name (cb_entity_get_kind (entity)) : "project");
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, cb_problem_get_message (problem));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      if (!quiet)
        for (guint i = 0; i < n; i++)
          {
            g_autoptr (CbProblem) problem = g_list_model_get_item (G_LIST_MODEL (problems), i);
            const char *severity = cb_problem_get_severity (problem) == CB_SEVERITY_ERROR
                                   ? _("error") : _("warning");

            /* Translators: file: severity: JSON path: message */
            g_print (_("%s: %s: %s: %s\n"), argv[1], severity,
                     *cb_problem_get_path (problem) ? cb_problem_get_path (problem) : "$",
                     cb_problem_get_message (problem));
          }
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u error, ", "%s: %u errors, ", errors),
               argv[1], errors);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u warning\n", "%u warnings\n", warnings), warnings);
    }
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/* normalize */

static int
command_normalize (int    argc,
                   char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the canonical form (required; may be FILE itself)"), N_("OUT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("FILE — rewrite a project in canonical form"));
  g_autoptr (CbProject) project = NULL;
  g_autoptr (GFile) out = NULL;
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, 1))
    return EXIT_CANNOT_RUN;
  if (output == NULL)
    {
      g_printerr (_("normalize needs -o OUT.\n"));
      return EXIT_CANNOT_RUN;
    }

  project = load_or_report (argv[1], FALSE);
  if (project == NULL)
    return EXIT_CANNOT_RUN;

  out = g_file_new_for_commandline_arg (output);
  if (!cb_project_save_to_file (project, out, CB_SAVE_NONE, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_CANNOT_RUN;
    }
  return EXIT_OK;
}

/* main */

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: coursebridge-cli COMMAND [OPTIONS…] [FILE]"),
           _("Commands:"));
  fprintf (stream, "  new        %s\n", _("Create a new, empty project"));
  fprintf (stream, "  info       %s\n", _("Describe a project"));
  fprintf (stream, "  validate   %s\n", _("Check a project for problems"));
  fprintf (stream, "  normalize  %s\n", _("Rewrite a project in canonical form"));
  fprintf (stream, "  bench      %s\n", _("Measure loading, validating and saving large projects"));
  fprintf (stream, "\n%s\n", _("Run “coursebridge-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  static const struct {
    const char *name;
    int (*run) (int argc, char **argv);
  } commands[] = {
    { "new", command_new },
    { "info", command_info },
    { "validate", command_validate },
    { "normalize", command_normalize },
    { "bench", cb_cli_command_bench },
  };

  setlocale (LC_ALL, "");
  /* An uninstalled build finds its translations through
   * COURSEBRIDGE_LOCALEDIR (build-aux/dev points it at build/po). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COURSEBRIDGE_LOCALEDIR") ? g_getenv ("COURSEBRIDGE_LOCALEDIR")
                                                                        : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_CANNOT_RUN;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("coursebridge-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("coursebridge-cli %s", argv[1]);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("Unknown command “%s”.\n\n"), argv[1]);
  print_usage (stderr);
  return EXIT_CANNOT_RUN;
}
