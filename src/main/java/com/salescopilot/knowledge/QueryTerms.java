package com.salescopilot.knowledge;

import com.salescopilot.base.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a free-text query into the full-text signal's terms, for Polish without a Polish stemmer: the
 * query is folded (lower case, no diacritics, as the index is), stop words dropped, and each word cut to
 * a stem-like prefix searched as a prefix ({@code wielodzietnych} → {@code wielodziet:*}, which also finds
 * {@code wielodzietna}, {@code wielodzietnej}); the longest words also go to the trigram match of titles.
 */
final class QueryTerms {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    static final int MAX_TERMS = 24;
    static final int MAX_TITLE_WORDS = 3;
    private static final Set<String> STOP_WORDS = Set.copyOf(java.util.List.of(
            // Polish (folded)
            "ale", "ani", "bez", "bo", "byc", "byl", "byla", "bylo", "czy", "dla", "do", "go", "i", "ich", "ja", "jak",
            "jaki", "jaka", "jakie", "jest", "jestem", "juz", "ktora", "ktore", "ktory", "lub", "ma", "mam", "mi",
            "mnie", "moze", "na", "nad", "nie", "o", "od", "oraz", "po", "pod", "przez", "przy", "sa", "sie", "sobie",
            "tak", "tam", "te", "tego", "ten", "to", "tu", "tylko", "w", "we", "z", "za", "ze", "zeby", "co", "cos",
            "jesli", "gdy", "kiedy", "bardzo", "pan", "pani", "panstwo", "macie", "moj", "moja", "nas", "nam", "wam",
            "was", "jego", "jej", "tez", "wiec", "a", "u",
            // English
            "the", "and", "for", "are", "but", "not", "you", "your", "with", "this", "that", "have", "has", "what",
            "was", "were", "can", "our", "from", "they", "them", "will", "would", "about", "there", "their", "which",
            "how", "does", "do", "is", "it", "of", "to", "in", "on", "an", "be", "or", "as", "at", "by", "we", "my",
            "me", "if", "so", "any", "some", "want", "need", "like", "just", "too", "very"));

    private final List<String> words;

    QueryTerms(String query) {
        Set<String> unique = new LinkedHashSet<>();
        for (String word : NON_WORD.split(TextNormalizer.fold(query))) {
            if (word.length() >= 2 && !STOP_WORDS.contains(word) && unique.size() < MAX_TERMS) {
                unique.add(word);
            }
        }
        this.words = List.copyOf(unique);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** {@code a:* | b:*}, or null when the query has no words. */
    String tsQuery() {
        if (words.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String word : words) {
            parts.add(stem(word) + ":*");
        }
        return String.join(" | ", parts);
    }

    /** The longest words (5+ letters), for the trigram match of titles. */
    List<String> titleWords() {
        return words.stream().filter(w -> w.length() >= 5 && w.chars().allMatch(Character::isLetter))
                .sorted(Comparator.comparingInt(String::length).reversed()).limit(MAX_TITLE_WORDS).toList();
    }

    /** A crude stem: Polish and English inflect at the end, so drop the last letters of longer words. */
    static String stem(String word) {
        int length = word.length();
        if (length <= 4 || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        int cut = length <= 6 ? 1 : length <= 9 ? 2 : 3;
        return word.substring(0, length - cut);
    }
}
