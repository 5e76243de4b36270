package io.gwctl.cli.completion;

import java.util.Objects;
import java.util.Collection;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The bash completion script: picocli's, generated from the command model (subcommands, options, enum
 * candidates), under a small function of gwctl's own that completes what picocli cannot know: file names
 * for the options that take a PATH, and for {@code --gateway} the Gateways in the {@code -f} files already
 * on the line, which it asks {@code gwctl __complete gateways} for.
 *
 * <p>The same script serves zsh: picocli's header loads zsh's {@code bashcompinit}, which runs bash
 * completion functions (picocli docs, "Autocomplete for Java Command Line Applications").
 */
public final class BashCompletionScript {

    private BashCompletionScript() {
    }

    /** The script for the command line whose root is {@code root}. */
    public static String generate(CommandLine root) {
        Objects.requireNonNull(root, "root");
        String name = root.getCommandName();
        String function = "_" + name + "_complete";
        StringBuilder script = new StringBuilder(AutoComplete.bash(name, root));
        script.append("""

                # %1$s's own layer over the generated completion: files for the options that take a PATH, and
                # Gateway names for %2$s, read from the -f files already on the line by a hidden command
                # that only parses them and prints namespace/name per Gateway.
                function %3$s() {
                  local curr_word=${COMP_WORDS[COMP_CWORD]}
                  local prev_word=${COMP_WORDS[COMP_CWORD-1]}
                  case ${prev_word} in
                    %4$s)
                      type compopt &>/dev/null && compopt -o filenames
                      local IFS=$'\\n'
                      COMPREPLY=( $(compgen -f -- "${curr_word}") )
                      return 0
                      ;;
                    %5$s)
                      local args=() i
                      for (( i=1; i<${#COMP_WORDS[@]}-1; i++ )); do
                        case ${COMP_WORDS[i]} in
                          %6$s) args+=( "${COMP_WORDS[i]}" "${COMP_WORDS[i+1]/#\\~/$HOME}" ) ;;
                        esac
                      done
                      local IFS=$'\\n'
                      COMPREPLY=( $(compgen -W "$(%1$s __complete gateways "${args[@]}" 2>/dev/null)" -- "${curr_word}") )
                      return 0
                      ;;
                  esac
                  _complete_%1$s "$@"
                }

                complete -F %3$s -o default %1$s
                """.formatted(name, ValueCompletion.GATEWAY_OPTION, function,
                cases(ValueCompletion.optionNames(root, ValueCompletion.FILE)),
                cases(ValueCompletion.optionNames(root, ValueCompletion.GATEWAY)),
                cases(GatewayNames.FORWARDED_OPTIONS)));
        return script.toString();
    }

    private static String cases(Collection<String> names) {
        return String.join("|", names);
    }
}
