package org.carpentries.amy.command.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class UsernamesTest {

    @Test
    void usernamesAreFamilyUnderscorePersonalAsAmyMadeThem() {
        assertThat(Usernames.stem("Harry", "Potter")).isEqualTo("potter_harry");
        assertThat(Usernames.stem("Grzegorz", "Brzęczyszczykiewicz")).isEqualTo("brzczyszczykiewicz_grzegorz");
        assertThat(Usernames.stem("Andy", "Blanking-Crush")).isEqualTo("blanking-crush_andy");
        assertThat(Usernames.stem(" Mary Ann ", "van der Berg")).isEqualTo("van-der-berg_mary-ann");
        assertThat(Usernames.stem("José", "O'Brien")).isEqualTo("obrien_jos");
    }

    @Test
    void takenUsernamesGetTheNextSuffix() {
        Set<String> taken = Set.of("potter_harry", "potter_harry_2");
        assertThat(Usernames.first("Harry", "Potter", c -> !taken.contains(c))).contains("potter_harry_3");
        assertThat(Usernames.first("Harry", "Potter", c -> false)).isEmpty();
    }

    @Test
    void theValidatorAcceptsOnlyAsciiWordCharactersAndHyphens() {
        assertThat(Usernames.VALID.matcher("potter_harry-2").matches()).isTrue();
        assertThat(Usernames.VALID.matcher("pötter").matches()).isFalse();
        assertThat(Usernames.VALID.matcher("potter.harry").matches()).isFalse();
    }
}
