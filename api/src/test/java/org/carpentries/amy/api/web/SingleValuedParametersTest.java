package org.carpentries.amy.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.carpentries.amy.api.problem.BadRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

class SingleValuedParametersTest {

    /** Handlers as AMY writes them. */
    static class Handlers {
        String one(@RequestParam(name = "as_of", required = false) String asOf) {
            return asOf;
        }

        String many(@RequestParam(name = "tag", required = false) List<String> tags) {
            return String.valueOf(tags);
        }

        String whole(@RequestParam MultiValueMap<String, String> query) {
            return query.toString();
        }
    }

    private static boolean call(String method, String query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.setQueryString(query);
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            request.addParameter(kv[0], kv.length > 1 ? kv[1] : "");
        }
        Handlers handlers = new Handlers();
        HandlerMethod handler = new HandlerMethod(handlers, java.util.Arrays.stream(Handlers.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(method)).findFirst().orElseThrow());
        return new SingleValuedParameters().preHandle(request, new MockHttpServletResponse(), handler);
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsRefusedInsteadOfJoined() {
        assertThatThrownBy(() -> call("one", "as_of=2016-04-06T17:05:00Z&as_of=2017-01-01T00:00:00Z"))
                .isInstanceOfSatisfying(BadRequest.class, e -> {
                    assertThat(e.code()).isEqualTo("repeated-parameter");
                    assertThat(e.field()).isEqualTo("as_of");
                });
    }

    @Test
    void multiValuedParametersAndWholeQueriesMayRepeat() throws Exception {
        assertThat(call("many", "tag=SWC&tag=DC")).isTrue();
        assertThat(call("whole", "tag=SWC&tag=DC&page=1")).isTrue();
        assertThat(call("one", "as_of=2016-04-06T17:05:00Z")).isTrue();
    }

    @Test
    void aParameterTheHandlerDoesNotTakeIsRefused() {
        assertThatThrownBy(() -> call("one", "as_of=2016-04-06T17:05:00Z&debug=1"))
                .isInstanceOfSatisfying(BadRequest.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown-parameter");
                    assertThat(e.field()).isEqualTo("debug");
                });
    }
}
