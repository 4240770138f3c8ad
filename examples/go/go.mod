module fargate-stack-go

go 1.23

require (
	example.com/pulumi-fargate-stack/sdk/go v0.0.0-00010101000000-000000000000
	github.com/pulumi/pulumi/sdk/v3 v3.248.0
)

// The SDK `pulumi package add ../../components` generates; the directory must be the one holding its go.mod (see
// README.md: the CLI writes its own replace, and the generated layout has changed between CLI versions).
replace example.com/pulumi-fargate-stack/sdk/go => ./sdks/fargate-stack
