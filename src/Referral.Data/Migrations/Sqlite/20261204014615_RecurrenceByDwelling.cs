using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referral.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecurrenceByDwelling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PossibleLinks",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            // Address fingerprints of earlier versions hashed the whole text, coarse or precise, without its area
            // (docs/decisions/0007): they can never match the new Dwelling and CoarseAddress ones, and their kind no longer exists.
            migrationBuilder.Sql("DELETE FROM PartyFingerprints WHERE Kind = 'Address';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PossibleLinks",
                table: "Cases");
        }
    }
}
