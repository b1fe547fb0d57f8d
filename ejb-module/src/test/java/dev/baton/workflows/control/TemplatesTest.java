package dev.baton.workflows.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final Templates templates = new Templates();

    private static JsonValue json(String text) {
        return JsonDocuments.parse(text);
    }

    private static final JsonObject CONTEXT =
            json("""
            {"input": {"userId": 1234, "sms": {"first": {"message": "hi first sms"}},
                       "email": {"first": {"subject": "s1"}}, "flag": true, "tags": ["a", "b"], "nothing": null},
             "1": {"input": {"userId": 1234},
                   "output": {"user": {"age": 30, "gender": "MALE", "phone": "+33 6"}, "email": "u@x.org", "key1": 200}},
             "2": {"output": {"user": {"age": 30, "gender": "MALE", "discount": 20}}}}
            """)
                    .asJsonObject();

    @Test
    void theNotificationWorkflowsTemplates() {
        JsonValue rendered = templates.render(
                json(
                        """
                        {"userId": "{$.input.userId}", "phoneNumber": "{$.1.output.user.phone}",
                         "message": "Hi {$.input.sms.first.message} get discount {$.2.output.user.discount} %",
                         "to": "{$.1.output.email}", "subject": "{$.input.email.first.subject}"}
                        """),
                CONTEXT);

        assertThat(rendered)
                .isEqualTo(
                        json(
                                """
                {"userId": 1234, "phoneNumber": "+33 6", "message": "Hi hi first sms get discount 20 %",
                 "to": "u@x.org", "subject": "s1"}
                """));
    }

    @Test
    void aWholeStringTemplateKeepsTheValuesJsonType() {
        assertThat(templates.render("{$.1.output.user}", CONTEXT))
                .isEqualTo(json("{\"age\": 30, \"gender\": \"MALE\", \"phone\": \"+33 6\"}"));
        assertThat(templates.render("{$.input.userId}", CONTEXT)).isEqualTo(Json.createValue(1234));
        assertThat(templates.render("{$.input.tags}", CONTEXT)).isEqualTo(json("[\"a\",\"b\"]"));
        assertThat(templates.render("{$.input.flag}", CONTEXT)).isEqualTo(JsonValue.TRUE);
        assertThat(templates.render("{$.input.nothing}", CONTEXT)).isEqualTo(JsonValue.NULL);
        assertThat(templates.render("{$}", CONTEXT)).isEqualTo(CONTEXT);
    }

    @Test
    void digitKeysAreProperties() {
        assertThat(templates.read("$.1.output.key1", CONTEXT)).isEqualTo(Json.createValue(200));
        assertThat(templates.read("$['1'].output.key1", CONTEXT)).isEqualTo(Json.createValue(200));
    }

    @Test
    void orchysDotlessRootIsAccepted() {
        assertThat(templates.render("{$1.output.key1}", CONTEXT)).isEqualTo(Json.createValue(200));
        assertThat(templates.render("k={$2.output.user.discount}", CONTEXT)).isEqualTo(Json.createValue("k=20"));
        assertThat(templates.problems("{$1.output.key1} {$6.output.x}")).isEmpty();
    }

    @Test
    void interpolationWritesStringsBareAndOtherValuesAsCompactJson() {
        assertThat(templates.render(
                        "u={$.1.output.user} n={$.input.userId} b={$.input.flag} s={$.input.tags}", CONTEXT))
                .isEqualTo(Json.createValue(
                        "u={\"age\":30,\"gender\":\"MALE\",\"phone\":\"+33 6\"} n=1234 b=true s=[\"a\",\"b\"]"));
        assertThat(templates.render("[{$.1.output.user.gender}]", CONTEXT)).isEqualTo(Json.createValue("[MALE]"));
    }

    @Test
    void missingPathsAreNullAloneAndEmptyInText() {
        assertThat(templates.render("{$.input.missing}", CONTEXT)).isEqualTo(JsonValue.NULL);
        assertThat(templates.render("{$.9.output.deep.x}", CONTEXT)).isEqualTo(JsonValue.NULL);
        assertThat(templates.render("a{$.input.missing}b", CONTEXT)).isEqualTo(Json.createValue("ab"));
        assertThat(templates.render("a{$.input.nothing}b", CONTEXT)).isEqualTo(Json.createValue("anullb"));
    }

    @Test
    void pathsMatchingManyValuesGiveArrays() {
        assertThat(templates.render("{$..discount}", CONTEXT)).isEqualTo(json("[20]"));
        assertThat(templates.render("{$.input.tags[*]}", CONTEXT)).isEqualTo(json("[\"a\",\"b\"]"));
        assertThat(templates.render("{$.input.tags.length()}", CONTEXT)).isEqualTo(Json.createValue(2));
    }

    @Test
    void textWithoutTemplatesAndNonStringsStayAsTheyAre() {
        JsonValue template = json("{\"a\": \"plain {not a template} }\", \"n\": 5, \"b\": false, \"z\": null,"
                + " \"list\": [\"{$.input.userId}\", 1, {\"x\": \"{$.input.flag}\"}]}");

        assertThat(templates.render(template, CONTEXT))
                .isEqualTo(json("{\"a\": \"plain {not a template} }\", \"n\": 5, \"b\": false, \"z\": null,"
                        + " \"list\": [1234, 1, {\"x\": true}]}"));
        assertThat(templates.render((JsonValue) null, CONTEXT)).isNull();
    }

    @Test
    void quotedBracesInsideAnExpressionDoNotEndIt() {
        JsonObject context = json("{\"items\": [{\"n\": \"}\", \"v\": 1}, {\"n\": \"x\", \"v\": 2}]}")
                .asJsonObject();

        assertThat(templates.render("{$.items[?(@.n == '}')].v}", context)).isEqualTo(json("[1]"));
    }

    @Test
    void badExpressionsAreReported() {
        assertThat(templates.problems("{$.input.}")).singleElement().asString().contains("bad JSONPath '$.input.'");
        assertThat(templates.problems("{$.a b}")).singleElement().asString().contains("bracket");
        assertThat(templates.problems("{$.input[}")).singleElement().asString().contains("unbalanced");
        assertThat(templates.problems("x {$.input.userId"))
                .singleElement()
                .asString()
                .contains("never closed");
        assertThat(templates.problems("{$[?(@.a==)]}")).hasSize(1);
        assertThat(templates.problems("ok {$.input.userId} and {$.1.output}")).isEmpty();
        assertThat(templates.problems("no template {here}")).isEmpty();
        assertThatThrownBy(() -> templates.render("{$.input.}", CONTEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void switchKeys() {
        assertThat(Templates.switchKey(Json.createValue("MALE"))).isEqualTo("MALE");
        assertThat(Templates.switchKey(Json.createValue(200))).isEqualTo("200");
        assertThat(Templates.switchKey(json("2.5"))).isEqualTo("2.5");
        assertThat(Templates.switchKey(JsonValue.TRUE)).isEqualTo("true");
        assertThat(Templates.switchKey(JsonValue.FALSE)).isEqualTo("false");
        assertThat(Templates.switchKey(JsonValue.NULL)).isNull();
        assertThat(Templates.switchKey(null)).isNull();
    }
}
