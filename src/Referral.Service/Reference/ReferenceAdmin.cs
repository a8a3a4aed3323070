using Microsoft.EntityFrameworkCore;
using Referral.Core.Reference;
using Referral.Data;
using Referral.Service.Infrastructure;

namespace Referral.Service.Reference;

public sealed record DepartmentInput(string? Code, string? Name, DepartmentKind? Kind, string? Email, bool? IsActive);

public sealed record AreaInput(string? Code, string? Name, IReadOnlyList<string>? Aliases, string? DepartmentCode, bool? IsActive);

/// <summary>
/// The admin's changes to the reference data: dispute types, departments, villages and communities.
/// Codes never change once created (cases and rules refer to them); a unit no longer used is made
/// inactive instead of deleted. Every change reloads the cache the intake routes with.
/// </summary>
public sealed class ReferenceAdmin(ReferralDbContext db, ReferenceDataCache cache)
{
    public async Task<Change<DisputeType>> CreateDisputeTypeAsync(DisputeTypeInput input, CancellationToken cancellationToken)
    {
        var errors = ValidateType(input, requireCode: true);
        if (input.Code is { } code && await db.DisputeTypes.AnyAsync(t => t.Code == code, cancellationToken))
            errors["code"] = ["代码已存在 (the code exists)"];
        if (errors.Count > 0) return Change<DisputeType>.Invalid(errors);
        var type = new DisputeType
        {
            Code = input.Code!.Trim(), NameZh = input.NameZh!.Trim(), NameEn = input.NameEn!.Trim(),
            SortOrder = input.SortOrder ?? 100, IsActive = input.IsActive ?? true,
        };
        db.DisputeTypes.Add(type);
        return await SavedAsync(type, cancellationToken);
    }

    public async Task<Change<DisputeType>> ChangeDisputeTypeAsync(string code, DisputeTypeInput input, CancellationToken cancellationToken)
    {
        var type = await db.DisputeTypes.FirstOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (type is null) return Change<DisputeType>.Missing();
        var errors = ValidateType(input, requireCode: false);
        if (errors.Count > 0) return Change<DisputeType>.Invalid(errors);
        type.NameZh = input.NameZh!.Trim();
        type.NameEn = input.NameEn!.Trim();
        type.SortOrder = input.SortOrder ?? type.SortOrder;
        type.IsActive = input.IsActive ?? type.IsActive;
        return await SavedAsync(type, cancellationToken);
    }

    /// <summary>Creates the department when <paramref name="code"/> is null, else changes it.</summary>
    public async Task<Change<Department>> SaveDepartmentAsync(string? code, DepartmentInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var department = code is null ? null : await db.Departments.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (code is not null && department is null) return Change<Department>.Missing();
        if (department is null) await CheckNewCodeAsync(input.Code, db.Departments.Select(d => d.Code), errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 100) errors["name"] = ["必填，不超过100字 (required, at most 100)"];
        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value)) errors["kind"] = ["必填 (is required)"];
        if (input.Email is { Length: > 0 } email && (email.Length > 200 || !email.Contains('@', StringComparison.Ordinal)))
            errors["email"] = ["邮箱格式不正确 (not an email address)"];
        if (errors.Count > 0) return Change<Department>.Invalid(errors);
        if (department is null)
        {
            department = new Department { Code = input.Code!.Trim(), Name = "" };
            db.Departments.Add(department);
        }
        department.Name = input.Name!.Trim();
        department.Kind = input.Kind!.Value;
        department.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        department.IsActive = input.IsActive ?? true;
        return await SavedAsync(department, cancellationToken);
    }

    /// <summary>Creates the village or community when <paramref name="code"/> is null, else changes it.</summary>
    public async Task<Change<Area>> SaveAreaAsync(string? code, AreaInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var area = code is null ? null : await db.Areas.FirstOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (code is not null && area is null) return Change<Area>.Missing();
        if (area is null) await CheckNewCodeAsync(input.Code, db.Areas.Select(a => a.Code), errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 50) errors["name"] = ["必填，不超过50字 (required, at most 50)"];
        var aliases = (input.Aliases ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        if (aliases.Any(a => a.Length > 50)) errors["aliases"] = ["每个别名不超过50字 (at most 50 characters each)"];
        if (input.DepartmentCode is { Length: > 0 } dept && !await db.Departments.AnyAsync(d => d.Code == dept, cancellationToken))
            errors["departmentCode"] = ["未知的部门代码 (unknown department)"];
        if (errors.Count > 0) return Change<Area>.Invalid(errors);
        if (area is null)
        {
            area = new Area { Code = input.Code!.Trim(), Name = "" };
            db.Areas.Add(area);
        }
        area.Name = input.Name!.Trim();
        area.Aliases = aliases;
        area.DepartmentCode = string.IsNullOrWhiteSpace(input.DepartmentCode) ? null : input.DepartmentCode.Trim();
        area.IsActive = input.IsActive ?? true;
        return await SavedAsync(area, cancellationToken);
    }

    private static async Task CheckNewCodeAsync(string? code, IQueryable<string> existing, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        if (!IsCode(code)) errors["code"] = ["必填，只能包含字母、数字和 -，不超过40字 (required: letters, digits and -)"];
        else if (await existing.AnyAsync(c => c == code!.Trim(), cancellationToken)) errors["code"] = ["代码已存在 (the code exists)"];
    }

    private static bool IsCode(string? code) =>
        !string.IsNullOrWhiteSpace(code) && code.Trim().Length <= 40 && code.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private async Task<Change<T>> SavedAsync<T>(T value, CancellationToken cancellationToken) where T : class
    {
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(cancellationToken);
        return Change<T>.Done(value);
    }

    private static Dictionary<string, string[]> ValidateType(DisputeTypeInput input, bool requireCode)
    {
        var errors = new Dictionary<string, string[]>();
        if (requireCode && !IsCode(input.Code)) errors["code"] = ["必填，只能包含字母、数字和 - (required: letters, digits and -)"];
        if (string.IsNullOrWhiteSpace(input.NameZh) || input.NameZh.Length > 50) errors["nameZh"] = ["必填，不超过50字 (required, at most 50)"];
        if (string.IsNullOrWhiteSpace(input.NameEn) || input.NameEn.Length > 100) errors["nameEn"] = ["必填，不超过100字 (required, at most 100)"];
        return errors;
    }
}
