using System.Net;
using Referral.Dispatch.Http;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Tests;

public sealed class ReceiptReaderTests
{
    [Test]
    public void Created_receipt_gives_the_case_its_department_and_why()
    {
        const string body = """
            { "caseId": "01a20b8b-2fa5-7f9d-b483-f7ef0d3bdfbe", "incidentNumber": "GT-1", "stationCode": "gutang", "outcome": "created",
              "status": "Routed", "color": "yellow", "department": { "code": "fulian", "name": "古塘街道妇联" },
              "coHandlers": [ { "code": "tangdong", "name": "塘东村村委会" } ],
              "routing": { "ruleId": 2, "ruleVersion": 1, "explanation": "规则 #2 命中" },
              "grading": { "factors": [ { "code": "vulnerable", "color": "yellow", "description": "涉及老人" } ] }, "recurrenceOf": null }
            """;

        var answer = ReceiptReader.Read(HttpStatusCode.Created, body, 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Outcome, Is.EqualTo(Outcome.Created));
            Assert.That(answer.Department, Is.EqualTo("fulian 古塘街道妇联"));
            Assert.That(answer.Routing, Is.EqualTo("规则 #2 命中"));
            Assert.That(answer.Note, Does.Contain("塘东村村委会").And.Contain("涉及老人"));
        }
    }

    [Test]
    public void Validation_problem_gives_each_field_error()
    {
        const string body = """
            { "type": "https://referral.local/problems/invalid-referral", "title": "The referral is invalid.", "status": 400,
              "errors": { "occurredAt": ["不能晚于当前时间"], "parties[0].idNumber": ["身份证号码校验位错误"] } }
            """;

        var answer = ReceiptReader.Read(HttpStatusCode.BadRequest, body, 1);

        Assert.That(answer.Outcome, Is.EqualTo(Outcome.Rejected));
        Assert.That(answer.Errors!["parties[0].idNumber"], Is.EqualTo(new[] { "身份证号码校验位错误" }));
    }

    [TestCase(HttpStatusCode.InternalServerError, """{ "title": "An error occurred" }""")]
    [TestCase(HttpStatusCode.UnsupportedMediaType, "<html>nope</html>")]
    [TestCase(HttpStatusCode.OK, "<html>a proxy page</html>")]
    public void Anything_else_is_a_failure_not_an_answer(HttpStatusCode status, string body) =>
        Assert.That(ReceiptReader.Read(status, body, 1).Outcome, Is.EqualTo(Outcome.Failed));
}
