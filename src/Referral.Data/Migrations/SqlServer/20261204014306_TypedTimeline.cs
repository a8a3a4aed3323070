using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referral.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TypedTimeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every row written before typed events is a legacy row: facts as key=value lines, plain SHA-256.
            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "Timeline",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Legacy");

            migrationBuilder.AddColumn<string>(
                name: "Payload",
                table: "Timeline",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Timeline",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Format",
                table: "Timeline");

            migrationBuilder.DropColumn(
                name: "Payload",
                table: "Timeline");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Timeline");
        }
    }
}
